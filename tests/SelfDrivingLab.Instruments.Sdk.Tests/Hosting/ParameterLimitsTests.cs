using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Hosting;

public sealed class ParameterLimitsTests
{
    private static readonly CapabilityDescription Anneal = new("anneal", false,
    [
        new ParameterLimit("temperature", Min: 20, Max: 1000),
        new ParameterLimit("atmosphere", Choices: ["air", "argon"]),
        new ParameterLimit("note", Required: false),
    ], []);

    [Fact]
    public void FindViolation_ValuesOnTheBounds_ReturnsNull()
    {
        Assert.Null(ParameterLimits.FindViolation(Anneal, new([new("temperature", 20.0), new("atmosphere", "air")])));
        Assert.Null(ParameterLimits.FindViolation(Anneal, new([new("temperature", 1000.0), new("atmosphere", "argon")])));
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData("anything")]
    public void FindViolation_UnconstrainedParameter_AcceptsNumberOrText(object value)
    {
        var note = value is double d ? ParameterValue.FromNumber(d) : ParameterValue.FromText((string)value);

        Assert.Null(ParameterLimits.FindViolation(Anneal, new([new("temperature", 300.0), new("atmosphere", "air"), new("note", note)])));
    }

    [Fact]
    public void FindViolation_JustAboveMaximum_NamesParameterAndRange()
    {
        var message = ParameterLimits.FindViolation(Anneal, new([new("temperature", 1000.5), new("atmosphere", "air")]));

        Assert.Equal("parameter 'temperature' = 1000.5 is outside [20, 1000]", message);
    }
}
