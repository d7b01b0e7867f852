using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Campaigns.Definitions.Tests;

public sealed class ApprovalPolicyTests
{
    private static readonly ApprovalPolicy Policy = new(
    [
        new SafeBound("temperature", 25, 300, null),
        new SafeBound("solvent", double.NaN, double.NaN, ["water", "ethanol"]),
    ]);

    [Theory]
    [InlineData(25, "water")]
    [InlineData(300, "ethanol")]
    [InlineData(120.5, "water")]
    public void AutoApproves_InsideEveryBound_True(double temperature, string solvent)
    {
        Assert.True(Policy.AutoApproves(Set(temperature, solvent), out var why));
        Assert.Equal("inside the safe bounds", why);
    }

    [Fact]
    public void AutoApproves_OutsideTwoBounds_ListsBoth()
    {
        Assert.False(Policy.AutoApproves(Set(300.01, "acetone"), out var why));

        Assert.Contains("temperature = 300.01 is outside the safe range [25, 300]", why, StringComparison.Ordinal);
        Assert.Contains("solvent = acetone is not one of the safe choices", why, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoApproves_MissingBoundedParameter_False()
    {
        var parameters = new ParameterSet(new Dictionary<string, ParameterValue> { ["solvent"] = "water" });

        Assert.False(Policy.AutoApproves(parameters, out var why));
        Assert.Contains("temperature is missing", why, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoApproves_UnboundedParameters_AreNotRestricted()
    {
        var parameters = new ParameterSet(new Dictionary<string, ParameterValue> { ["temperature"] = 100, ["solvent"] = "water", ["time"] = 1e9 });

        Assert.True(Policy.AutoApproves(parameters, out _));
    }

    private static ParameterSet Set(double temperature, string solvent) =>
        new(new Dictionary<string, ParameterValue> { ["temperature"] = temperature, ["solvent"] = solvent });
}
