using System.Text.Json;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Tests.Ids;

public sealed class IdRulesTests
{
    [Theory]
    [InlineData("printer-1")]
    [InlineData("a.b_c-9")]
    public void Constructor_ValidText_KeepsIt(string text) => Assert.Equal(text, new InstrumentId(text).Value);

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a+b")]
    [InlineData("a#")]
    [InlineData("has space")]
    public void Constructor_InvalidText_ThrowsNamingTheKind(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => new InstrumentId(text));

        Assert.Contains("InstrumentId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_InvalidId_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CommandId>("\"bad/id\""));

    [Fact]
    public void Json_RoundTrip_IsAString() =>
        Assert.Equal("\"c-1\"", JsonSerializer.Serialize(new CommandId("c-1")));
}
