using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Core.Tests.Text;

public sealed class LogTextTests
{
    [Theory]
    [InlineData("alice\nWARN forged line", @"alice\nWARN forged line")]
    [InlineData("a\r\nb", @"a\r\nb")]
    [InlineData("tab\there", @"tab\there")]
    [InlineData("\u001b[31mred\u001b[0m", @"\u001B[31mred\u001B[0m")]
    [InlineData("bell\u0007 nul\u0000 del\u007f", @"bell\u0007 nul\u0000 del\u007F")]
    [InlineData("c1 csi\u009b2J nel\u0085", @"c1 csi\u009B2J nel\u0085")]
    [InlineData("line\u2028para\u2029", @"line\u2028para\u2029")]
    [InlineData("bidi \u202Eevil\u202C \u2066x\u2069", @"bidi \u202Eevil\u202C \u2066x\u2069")]
    [InlineData(@"already \n escaped", @"already \\n escaped")]
    public void Escape_ControlCharacters_BecomeVisibleEscapes(string text, string expected)
    {
        var escaped = LogText.Escape(text);

        Assert.Equal(expected, escaped);
        Assert.DoesNotContain(escaped, char.IsControl);
    }

    [Fact]
    public void Escape_PlainTextAndUnicode_ReturnedUnchanged()
    {
        const string Text = "Anneal at 450 °C — Größe ok, 東京, emoji 🙂";

        Assert.Same(Text, LogText.Escape(Text));
        Assert.Null(LogText.Escape(null));
    }
}
