using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Messages;

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

    [Fact]
    public void FindViolation_FreeTextWithoutChoices_AcceptsAnyTextRefusesANumber()
    {
        var label = new ParameterLimit("label") { Type = ParameterKind.Text };

        Assert.Null(ParameterLimits.FindViolation(label, "any text at all"));
        Assert.Equal("parameter 'label' must be text, not the number 7", ParameterLimits.FindViolation(label, 7.0));
    }

    [Theory]
    [InlineData(6.0, null)]
    [InlineData(12.0, null)]
    [InlineData(7.0, "parameter 'n' = 7 is not on the grid 6 + k × 2")]
    [InlineData(6.5, "parameter 'n' = 6.5 is not a whole number")]
    [InlineData(14.0, "parameter 'n' = 14 is outside [6, 12]")]
    public void FindViolation_IntegerWithAStep_OnlyGridPointsInRange(double value, string? expected) =>
        Assert.Equal(expected, ParameterLimits.FindViolation(new ParameterLimit("n", 6, 12) { Type = ParameterKind.Integer, Step = 2 }, value));

    [Fact]
    public void FindViolation_DecimalStep_ToleratesBinaryRounding()
    {
        var volume = new ParameterLimit("volume", 0, 1) { Step = 0.1 };

        Assert.Null(ParameterLimits.FindViolation(volume, 0.1 + 0.2));
        Assert.NotNull(ParameterLimits.FindViolation(volume, 0.35));
    }

    [Theory]
    [InlineData("text-range", "type text cannot have min, max or step")]
    [InlineData("number-choices", "type number cannot have choices (they are for text)")]
    [InlineData("integer-fraction", "type integer needs whole min, max and step")]
    [InlineData("zero-step", "step 0 must be a positive number")]
    [InlineData("range-and-choices", "has both a number range or step and text choices")]
    public void FindDeclarationProblem_InconsistentLimit_SaysWhy(string kind, string expected)
    {
        var limit = kind switch
        {
            "text-range" => new ParameterLimit("p", 0, 1) { Type = ParameterKind.Text },
            "number-choices" => new ParameterLimit("p", Choices: ["a"]) { Type = ParameterKind.Number },
            "integer-fraction" => new ParameterLimit("p", 0.5, 3) { Type = ParameterKind.Integer },
            "zero-step" => new ParameterLimit("p", 0, 1) { Step = 0 },
            _ => new ParameterLimit("p", 0, 1, ["a"]),
        };

        Assert.Contains(expected, ParameterLimits.FindDeclarationProblem(limit), StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadCapabilities_TypeAndStep_RoundTripAndOldFormStillReads()
    {
        const string Json = """{"instrument":"m-1","model":"m","capabilities":[{"name":"print","idempotent":false,"parameters":[{"name":"label","type":"text"},{"name":"n","min":6,"max":12,"type":"integer","step":2},{"name":"theta","min":0,"max":150}],"outputs":[]}],"protocol":"sdl/v1"}""";

        Assert.True(ProtocolReader.TryReadCapabilities(System.Text.Encoding.UTF8.GetBytes(Json), out var capabilities, out var error), error);
        var limits = capabilities!.Capabilities[0].Parameters;
        Assert.Equal((ParameterKind.Text, (double?)null), (limits[0].Type!.Value, limits[0].Step));
        Assert.Equal((ParameterKind.Integer, (double?)2), (limits[1].Type!.Value, limits[1].Step));
        Assert.Equal(((ParameterKind?)null, (double?)null), (limits[2].Type, limits[2].Step));
    }

    [Fact]
    public void TryReadCapabilities_TextWithARange_Refused()
    {
        const string Json = """{"instrument":"m-1","model":"m","capabilities":[{"name":"print","idempotent":false,"parameters":[{"name":"label","type":"text","max":3}],"outputs":[]}],"protocol":"sdl/v1"}""";

        Assert.False(ProtocolReader.TryReadCapabilities(System.Text.Encoding.UTF8.GetBytes(Json), out _, out var error));
        Assert.Contains("type text cannot have min, max or step", error, StringComparison.Ordinal);
    }
}
