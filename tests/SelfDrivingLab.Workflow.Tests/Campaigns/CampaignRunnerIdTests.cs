using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Campaigns;

public sealed class CampaignRunnerIdTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_LongestNameTheLoaderAccepts_EveryRetryAndElsewhereIdIsValid()
    {
        var measure = TestCampaigns.Characterization with { Retry = new StepRetryPolicy(2, TimeSpan.Zero), OnFailure = StepFailurePolicy.RetryElsewhere };
        WorkflowStepDefinition[] steps = [TestCampaigns.Synthesis, measure];
        var name = LongestAcceptedName(budget: 2, steps);
        var campaign = TestCampaigns.TwoSteps(budget: 2) with { Name = name, Steps = steps };
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
            .Instrument("measure", "uvvis-1", idempotent: true, _ => new StepCommandResult(StepCommandStatus.Failed, null, "lamp", "lamp out"))
            .Instrument("measure", "uvvis-2", idempotent: true, _ => new StepCommandResult(StepCommandStatus.Failed, null, "lamp", "lamp out"));

        var summary = await Runner(gateway).RunAsync(campaign).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((CampaignStatus.Completed, 2, 2), (summary.Status, summary.Experiments, summary.Failed));
        var ids = gateway.Sent.Select(s => s.Command.CommandId.Value).ToList();
        Assert.Contains(ids, id => id.EndsWith("-e0002-s2-a4", StringComparison.Ordinal));
        Assert.All(ids, id => Assert.True(id.Length <= IdRules.MaxLength, id));
    }

    private static string LongestAcceptedName(int budget, IReadOnlyList<WorkflowStepDefinition> steps)
    {
        var name = "c";
        while (LongestIds.Command(name + "x", budget, steps).Length <= IdRules.MaxLength)
        {
            name += "x";
        }

        Assert.Equal(IdRules.MaxLength, LongestIds.Command(name, budget, steps).Length);
        return name;
    }

    private CampaignRunner Runner(IInstrumentGateway gateway) => new(
        _ledger,
        new ExperimentRunner(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance),
        _time,
        NoWorkTracker.Instance,
        NullLogger<CampaignRunner>.Instance);
}
