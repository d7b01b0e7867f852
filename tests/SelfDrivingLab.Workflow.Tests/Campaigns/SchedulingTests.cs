using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Campaigns;

/// <summary>Deadlock freedom: an experiment never holds one instrument while it waits for the next.</summary>
public sealed class SchedulingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_TwoStepsOneExperimentAtATime_NeverHoldsALeaseWhileAcquiringTheNext()
    {
        // Hold-and-wait is the condition every instrument deadlock needs (experiment A holds the furnace
        // and waits for the spectrometer while B holds the spectrometer and waits for the furnace): with
        // one experiment in flight, two leases at once would mean a step kept its instrument.
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
            .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", c.Parameters!.GetNumber("x"))])));
        var runner = new CampaignRunner(
            _ledger,
            new ExperimentRunner(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance),
            _time,
            NoWorkTracker.Instance,
            NullLogger<CampaignRunner>.Instance);

        var summary = await runner.RunAsync(TestCampaigns.TwoSteps(budget: 5, parallel: 1)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal((CampaignStatus.Completed, 5), (summary.Status, summary.Completed));
        Assert.Equal(10, gateway.Sent.Count);
        Assert.Equal(1, gateway.MaxConcurrentLeases);
    }
}
