using System.Text.Json;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Core.Tests.Parameters;

public sealed class ParameterSetTests
{
    [Fact]
    public void Equals_SameValuesDifferentOrder_AreEqualWithSameHash()
    {
        var a = new ParameterSet([new("x", 1.5), new("solvent", "water")]);
        var b = new ParameterSet([new("solvent", "water"), new("x", 1.5)]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b.With("x", 2.0));
    }

    [Fact]
    public void Constructor_DuplicateName_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ParameterSet([new("x", 1.0), new("x", 2.0)]));

        Assert.Contains("'x'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTrip_KeepsNumbersAndText()
    {
        var set = new ParameterSet([new("x", 0.1 + 0.2), new("label", "FCC")]);

        var json = JsonSerializer.Serialize(set);
        var back = JsonSerializer.Deserialize<ParameterSet>(json);

        Assert.Equal("{\"label\":\"FCC\",\"x\":0.30000000000000004}", json);
        Assert.Equal(set, back);
    }

    [Theory]
    [InlineData("{\"x\":true}", "'x'")]
    [InlineData("{\"x\":[1]}", "'x'")]
    [InlineData("[1,2]", "object")]
    [InlineData("{\"x\":1,\"x\":2}", "twice")]
    public void Json_BadShape_ThrowsNamingTheProblem(string json, string expected)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ParameterSet>(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromNumber_NaNOrInfinity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterValue.FromNumber(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParameterValue.FromNumber(double.PositiveInfinity));
    }

    [Fact]
    public void AsNumber_OnText_ThrowsNamingTheParameter()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ParameterValue.FromText("abc").AsNumber("theta"));

        Assert.Contains("'theta'", ex.Message, StringComparison.Ordinal);
    }
}
