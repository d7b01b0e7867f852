using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

public sealed class StepParameterResolverTests
{
    private static readonly ParameterSet Experiment = new([new("x", 0.25)]);

    [Fact]
    public void Resolve_LiteralAndExperimentParameter_FillsBoth()
    {
        var resolved = StepParameterResolver.Resolve(TestCampaigns.Synthesis, Experiment, new Dictionary<string, ParameterSet>());

        Assert.Equal(new ParameterSet([new("temperature", 0.25), new("atmosphere", "argon")]), resolved);
    }

    [Fact]
    public void Resolve_EarlierStepOutput_IsUsed()
    {
        var outputs = new Dictionary<string, ParameterSet> { ["synthesis"] = new([new("sample_id", "S-7")]) };

        var resolved = StepParameterResolver.Resolve(TestCampaigns.Characterization, Experiment, outputs);

        Assert.Equal("S-7", resolved["sample_id"].Text);
    }

    [Fact]
    public void Resolve_MissingOutput_ThrowsNamingStepAndParameter()
    {
        var outputs = new Dictionary<string, ParameterSet> { ["synthesis"] = ParameterSet.Empty };

        var ex = Assert.Throws<StepBindingException>(() => StepParameterResolver.Resolve(TestCampaigns.Characterization, Experiment, outputs));

        Assert.Contains("'characterization'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'sample_id'", ex.Message, StringComparison.Ordinal);
    }
}
