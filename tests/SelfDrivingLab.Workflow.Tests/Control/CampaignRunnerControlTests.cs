using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Control;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Control;

/// <summary>
/// Pause, resume and abort through <see cref="CampaignControl"/> on a virtual clock: the clock only
/// moves when the runner is idle, so a timer that resumes the campaign fires only once the paused
/// runner has stopped doing anything — a runner that ignored the pause would dispatch first.
/// </summary>
public sealed class CampaignRunnerControlTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly VirtualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();
    private readonly CampaignControl _control;
    private int _dispatchedWhilePaused;

    public CampaignRunnerControlTests() => _control = new CampaignControl(_clock);

    [Fact]
    public async Task Pause_AfterFirstExperiment_ProposesNothingUntilResumed()
    {
        using var stop = new CancellationTokenSource();
        var driver = new VirtualClockDriver(_clock).RunAsync(stop.Token);
        var observer = new PausingObserver(this, pauseAfter: 1, resumeAfter: TimeSpan.FromHours(1));

        var summary = await Runner(Lab()).RunAsync(TestCampaigns.TwoSteps(budget: 3), observer).WaitAsync(Bound);
        await stop.CancelAsync();
        await driver;

        Assert.Equal((CampaignStatus.Completed, 3), (summary.Status, summary.Completed));
        Assert.Equal(0, _dispatchedWhilePaused);
        Assert.NotNull(observer.ResumedAt);
        var experiments = await _ledger.GetExperimentsAsync(summary.CampaignId);
        Assert.All(experiments.Skip(1), e => Assert.True(e.ProposedAt >= observer.ResumedAt, $"{e.Id} was proposed at {e.ProposedAt:O}, before the resume at {observer.ResumedAt:O}"));
    }

    [Fact]
    public async Task Abort_WhilePaused_EndsTheCampaignAbortedWithTheBudgetUnspent()
    {
        using var stop = new CancellationTokenSource();
        var driver = new VirtualClockDriver(_clock).RunAsync(stop.Token);
        var observer = new PausingObserver(this, pauseAfter: 2, resumeAfter: null);

        var summary = await Runner(Lab()).RunAsync(TestCampaigns.TwoSteps(budget: 6), observer).WaitAsync(Bound);
        await stop.CancelAsync();
        await driver;

        Assert.Equal(CampaignStatus.Aborted, summary.Status);
        Assert.Equal(2, summary.Experiments);
        Assert.Contains("operator aborted", summary.Error, StringComparison.Ordinal);
        Assert.Equal(CampaignStatus.Aborted, (await _ledger.FindCampaignAsync(summary.CampaignId))!.Status);
        Assert.Empty(_control.Campaigns);
    }

    [Fact]
    public async Task OnFailurePauseCampaign_PausesByPolicyAndDispatchesNothingMore()
    {
        using var stop = new CancellationTokenSource();
        var driver = new VirtualClockDriver(_clock).RunAsync(stop.Token);
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Failed, null, "overheated", "furnace tripped"))
            .Answer("measure", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", 1.0)])));
        var campaign = TestCampaigns.TwoSteps(budget: 4);
        campaign = campaign with { Steps = [campaign.Steps[0] with { OnFailure = StepFailurePolicy.PauseCampaign }, campaign.Steps[1]] };
        var observer = new PolicyPauseObserver(this);

        var summary = await Runner(gateway).RunAsync(campaign, observer).WaitAsync(Bound);
        await stop.CancelAsync();
        await driver;

        Assert.Equal(("policy", "paused"), (observer.PausedBy, observer.State));
        Assert.Contains("furnace tripped", observer.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _dispatchedWhilePaused);
        Assert.Equal((CampaignStatus.Aborted, 1), (summary.Status, summary.Experiments));

        // Stored, so a host restarted before a person looked would resume the campaign paused.
        var stored = (await _ledger.FindCampaignAsync(summary.CampaignId))!.Pause;
        Assert.Equal("policy", stored?.By);
        Assert.Contains("furnace tripped", stored?.Reason, StringComparison.Ordinal);
    }

    private static ScriptedGateway Lab() => new ScriptedGateway()
        .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
        .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", c.Parameters!.GetNumber("x"))])));

    private CampaignRunner Runner(IInstrumentGateway gateway) => new(
        _ledger,
        new ExperimentRunner(_ledger, new PauseCheckingGateway(this, gateway), _clock, _clock, NullLogger<ExperimentRunner>.Instance, _control),
        _clock,
        _clock,
        NullLogger<CampaignRunner>.Instance,
        _control);

    private sealed class PausingObserver(CampaignRunnerControlTests test, int pauseAfter, TimeSpan? resumeAfter) : ICampaignObserver
    {
        private ITimer? _timer;

        public DateTimeOffset? ResumedAt { get; private set; }

        public void OnExperimentFinished(CampaignProgress progress)
        {
            if (progress.Done != pauseAfter)
            {
                return;
            }

            Assert.True(test._control.Pause(progress.CampaignId.Value, "alice", "inspect the samples").Succeeded);
            _timer = test._clock.CreateTimer(
                _ =>
                {
                    if (resumeAfter is null)
                    {
                        test._control.Abort(progress.CampaignId.Value, "alice", "enough");
                        return;
                    }

                    ResumedAt = test._clock.GetUtcNow();
                    test._control.Resume(progress.CampaignId.Value, "alice");
                },
                null,
                resumeAfter ?? TimeSpan.FromHours(1),
                Timeout.InfiniteTimeSpan);
        }
    }

    private sealed class PolicyPauseObserver(CampaignRunnerControlTests test) : ICampaignObserver
    {
        private ITimer? _timer;

        public string? PausedBy { get; private set; }

        public string? State { get; private set; }

        public string? Reason { get; private set; }

        public void OnExperimentFinished(CampaignProgress progress)
        {
            // The pause follows the outcome: look once the runner has settled, then end the campaign.
            _timer = test._clock.CreateTimer(
                _ =>
                {
                    var status = test._control.Campaigns.Single();
                    (PausedBy, State, Reason) = (status.ChangedBy, status.State, status.Reason);
                    test._control.Abort(progress.CampaignId.Value, "tester");
                },
                null,
                TimeSpan.FromHours(1),
                Timeout.InfiniteTimeSpan);
        }
    }

    private sealed class PauseCheckingGateway(CampaignRunnerControlTests test, IInstrumentGateway inner) : IInstrumentGateway
    {
        public ValueTask<InstrumentLease> AcquireAsync(string capability, CancellationToken cancellationToken = default)
        {
            if (test._control.Campaigns.Any(c => c.State == "paused"))
            {
                Interlocked.Increment(ref test._dispatchedWhilePaused);
            }

            return inner.AcquireAsync(capability, cancellationToken);
        }

        public ValueTask<InstrumentLease> AcquireInstrumentAsync(Core.Ids.SiteId site, Core.Ids.InstrumentId instrument, string capability, CancellationToken cancellationToken = default) =>
            inner.AcquireInstrumentAsync(site, instrument, capability, cancellationToken);

        public Task<StepCommandResult> ExecuteAsync(InstrumentLease lease, Protocol.Messages.InstrumentCommand command, Func<Protocol.Messages.InstrumentEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken = default) =>
            inner.ExecuteAsync(lease, command, onEvent, cancellationToken);

        public Task AbortAsync(InstrumentLease lease, Core.Ids.CommandId commandId, CancellationToken cancellationToken = default) =>
            inner.AbortAsync(lease, commandId, cancellationToken);

        public Task<bool> AbortAndConfirmAsync(InstrumentLease lease, Core.Ids.CommandId commandId, TimeSpan confirmWithin, CancellationToken cancellationToken = default) =>
            inner.AbortAndConfirmAsync(lease, commandId, confirmWithin, cancellationToken);
    }
}
