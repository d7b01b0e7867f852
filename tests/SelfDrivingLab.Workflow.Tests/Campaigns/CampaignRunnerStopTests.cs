using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Control;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Campaigns;

/// <summary>
/// Stops that lose nothing (issue 11 item 6), on the virtual clock: the host's token cancelled mid-campaign dispatches
/// nothing new, lets the commands in flight finish within the grace period, stores the campaign Interrupted with its
/// experiments where they are, and the next run finishes exactly the budget without running anything twice.
/// </summary>
public sealed class CampaignRunnerStopTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly VirtualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_HostStopsMidCampaign_InFlightCommandsFinishNothingNewIsSentAndTheNextRunFinishesTheBudget()
    {
        var gateway = Lab(anneal: TimeSpan.FromMinutes(30), measure: TimeSpan.FromMinutes(20));
        using var host = new CancellationTokenSource();
        DateTimeOffset? stoppedAt = null;
        var observer = new Callback(p =>
        {
            if (p.Done == 2)
            {
                stoppedAt = _clock.GetUtcNow();
                host.Cancel();
            }
        });
        using var driverStop = new CancellationTokenSource();
        var driver = new VirtualClockDriver(_clock).RunAsync(driverStop.Token);

        // The grace period is counted on a clock nobody advances: only the commands finishing can end the wait.
        var interrupted = await Runner(gateway, new FakeTimeProvider()).RunAsync(TestCampaigns.TwoSteps(budget: 6, parallel: 2), observer, host.Token).WaitAsync(Bound);
        var sentBeforeResume = gateway.Sent.Count;
        var stored = (await _ledger.FindCampaignAsync(interrupted.CampaignId))!;
        var experiments = await _ledger.GetExperimentsAsync(interrupted.CampaignId);

        Assert.Equal(CampaignStatus.Interrupted, interrupted.Status);
        Assert.Equal(CampaignStatus.Interrupted, stored.Status);
        Assert.Empty(gateway.Aborted);
        Assert.All(gateway.Sent, c => Assert.True(c.IssuedAt <= stoppedAt, $"{c.CommandId} was sent at {c.IssuedAt:O}, after the stop at {stoppedAt:O}"));
        Assert.Contains(experiments, e => e.Status == ExperimentStatus.Running);
        foreach (var command in gateway.Sent)
        {
            // Every command in flight at the stop was waited for: its final event is in the ledger.
            var events = await _ledger.GetEventsAsync(command.CommandId);
            Assert.Contains(events, e => e.Kind == "completed");
        }

        var resumed = await Runner(gateway, new FakeTimeProvider()).RunAsync(TestCampaigns.TwoSteps(budget: 6, parallel: 2)).WaitAsync(Bound);
        await driverStop.CancelAsync();
        await driver;

        Assert.Equal((interrupted.CampaignId, CampaignStatus.Completed, 6, 6), (resumed.CampaignId, resumed.Status, resumed.Experiments, resumed.Completed));
        Assert.Equal(CampaignStatus.Completed, (await _ledger.FindCampaignAsync(interrupted.CampaignId))!.Status);
        Assert.True(gateway.Sent.Count > sentBeforeResume);
        Assert.Equal(12, gateway.Sent.Count);
        Assert.All(gateway.Sent.GroupBy(c => (c.ExperimentId, c.Action)), g => Assert.Single(g));
    }

    [Fact]
    public async Task RunAsync_GracePeriodEndsWithACommandInFlight_LeavesItToTheInstrumentNeitherAbortedNorFailed()
    {
        var gateway = Lab(anneal: TimeSpan.FromMinutes(90), measure: TimeSpan.FromMinutes(20));
        using var host = new CancellationTokenSource();
        using var stopTimer = _clock.CreateTimer(_ => host.Cancel(), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);
        using var driverStop = new CancellationTokenSource();
        var driver = new VirtualClockDriver(_clock).RunAsync(driverStop.Token);
        var runner = Runner(gateway, _clock, grace: TimeSpan.FromMinutes(10));

        var summary = await runner.RunAsync(TestCampaigns.TwoSteps(budget: 2), null, host.Token).WaitAsync(Bound);
        await driverStop.CancelAsync();
        await driver;

        Assert.Equal((CampaignStatus.Interrupted, 1, 0), (summary.Status, summary.Experiments, summary.Completed + summary.Failed + summary.Aborted));
        Assert.Empty(gateway.Aborted);
        var experiment = Assert.Single(await _ledger.GetExperimentsAsync(summary.CampaignId));
        Assert.Equal((ExperimentStatus.Running, "synthesis"), (experiment.Status, experiment.State));
        var command = Assert.Single(await _ledger.GetCommandsAsync(experiment.Id));
        Assert.Equal(["accepted"], (await _ledger.GetEventsAsync(command.Id)).Select(e => e.Kind));
    }

    private ScriptedGateway Lab(TimeSpan anneal, TimeSpan measure) => new ScriptedGateway()
        .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
        .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", c.Parameters!.GetNumber("x"))])))
        .Taking("anneal", anneal, _clock)
        .Taking("measure", measure, _clock);

    private CampaignRunner Runner(ScriptedGateway gateway, TimeProvider stopClock, TimeSpan? grace = null)
    {
        var control = new CampaignControl(_clock);
        return new CampaignRunner(
            _ledger,
            new ExperimentRunner(_ledger, gateway, _clock, _clock, NullLogger<ExperimentRunner>.Instance, control),
            _clock,
            _clock,
            NullLogger<CampaignRunner>.Instance,
            control)
        {
            StopGracePeriod = grace ?? TimeSpan.FromHours(1),
            StopClock = stopClock,
        };
    }

    private sealed class Callback(Action<CampaignProgress> onFinished) : ICampaignObserver
    {
        public void OnExperimentFinished(CampaignProgress progress) => onFinished(progress);
    }
}
