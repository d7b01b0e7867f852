namespace SelfDrivingLab.Campaigns.Definitions.Tests;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("90s", 90)]
    [InlineData("15m", 900)]
    [InlineData("2h", 7200)]
    [InlineData("1d", 86400)]
    [InlineData("1.5h", 5400)]
    [InlineData(" 45s ", 45)]
    [InlineData("01:30:00", 5400)]
    [InlineData("1.02:00:00", 93600)]
    [InlineData("00:00:05.5", 5.5)]
    public void TryParse_ValidText_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("3x")]
    [InlineData("90")]
    [InlineData("h")]
    [InlineData("2 hours")]
    [InlineData("1e3s")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("s2")]
    [InlineData("99999999999999d")]
    public void TryParse_InvalidText_ReturnsFalse(string? text) =>
        Assert.False(DurationParser.TryParse(text, out _));

    [Fact]
    public void Parse_InvalidText_ThrowsWithHint()
    {
        var ex = Assert.Throws<FormatException>(() => DurationParser.Parse("3x"));

        Assert.Equal("'3x' is not a duration (use e.g. 90s, 15m, 2h).", ex.Message);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(90_000, "90s")]
    [InlineData(5_400_000, "90m")]
    [InlineData(7_200_000, "2h")]
    [InlineData(172_800_000, "2d")]
    [InlineData(1_500, "1500ms")]
    [InlineData(-1_800_000, "-30m")]
    public void Format_Duration_LargestExactUnitAndReadsBack(long milliseconds, string expected)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        var text = DurationParser.Format(duration);

        Assert.Equal(expected, text);
        Assert.True(DurationParser.TryParse(text, out var back));
        Assert.Equal(duration, back);
    }

    [Fact]
    public void Format_FinerThanAMillisecond_UsesTheClockForm()
    {
        var duration = TimeSpan.FromTicks(15);

        Assert.Equal("00:00:00.0000015", DurationParser.Format(duration));
        Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var back));
        Assert.Equal(duration, back);
    }
}
