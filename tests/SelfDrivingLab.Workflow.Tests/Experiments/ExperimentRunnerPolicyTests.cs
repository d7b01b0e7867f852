using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

public sealed class ExperimentRunnerPolicyTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly SignallingTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_IdempotentMeasurementFailsThenTimesOut_RetriesWithDoublingBackoffUnderNewIds()
    {
        var answers = 0;
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => Done("sample_id", "S-1"))
            .Instrument("measure", "uvvis-1", idempotent: true, _ => Interlocked.Increment(ref answers) switch
            {
                1 => new StepCommandResult(StepCommandStatus.Failed, null, "lamp", "lamp flickered"),
                2 => new StepCommandResult(StepCommandStatus.TimedOut, null),
                _ => Done("y", 2.0),
            });
        var campaign = Campaign(measure: TestCampaigns.Characterization with { Retry = new StepRetryPolicy(3, TimeSpan.FromSeconds(30)) });
        var experiment = await ProposeAsync();

        var firstPause = _time.NextTimer;
        var running = Runner(gateway).RunAsync(experiment, campaign);
        Assert.Equal(TimeSpan.FromSeconds(30), await firstPause.WaitAsync(Bound));
        var secondPause = _time.NextTimer;
        Assert.Equal(2, gateway.Sent.Count);
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(60), await secondPause.WaitAsync(Bound));
        Assert.Equal(3, gateway.Sent.Count);
        _time.Advance(TimeSpan.FromSeconds(60));
        var outcome = await running.WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal(["c1-e0001-s1", "c1-e0001-s2", "c1-e0001-s2-a2", "c1-e0001-s2-a3"], gateway.Sent.Select(s => s.Command.CommandId.Value));
        Assert.Equal(TimeSpan.FromSeconds(90), gateway.Sent[3].Command.IssuedAt - gateway.Sent[1].Command.IssuedAt);
        Assert.Equal(["c1-e0001-s2-a2"], gateway.Aborted.Select(a => a.Value));
        Assert.Equal(2, _ledger.Events.Count(e => e.Kind == ExperimentRunner.RetryEvent));
        Assert.Equal(1, gateway.MaxInFlightPerStep);
    }

    [Fact]
    public async Task RunAsync_TimedOutCommand_RetryWaitsForTheAbortsAnswerThenTheBackoff()
    {
        var answers = 0;
        var abortAnswered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gateway = new PoolGateway { AbortAnswer = (_, _, _) => abortAnswered.Task }
            .Instrument("anneal", "furnace-1", idempotent: false, _ => Done("sample_id", "S-1"))
            .Instrument("measure", "uvvis-1", idempotent: true, _ => Interlocked.Increment(ref answers) == 1 ? new StepCommandResult(StepCommandStatus.TimedOut, null) : Done("y", 2.0));
        var campaign = Campaign(measure: TestCampaigns.Characterization with { Retry = new StepRetryPolicy(1, TimeSpan.FromSeconds(30)) });
        var experiment = await ProposeAsync();

        var running = Runner(gateway).RunAsync(experiment, campaign);
        await gateway.AbortRequested.Task.WaitAsync(Bound);
        _time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(2, gateway.Sent.Count); // still only the anneal and the timed-out measurement
        var backoff = _time.NextTimer;
        abortAnswered.SetResult(true);
        Assert.Equal(TimeSpan.FromSeconds(30), await backoff.WaitAsync(Bound));
        _time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await running.WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal(TimeSpan.FromSeconds(210), gateway.Sent[2].Command.IssuedAt - gateway.Sent[1].Command.IssuedAt);
        Assert.Equal(1, gateway.MaxInFlightPerStep);
    }

    [Fact]
    public async Task RunAsync_AbortNeverConfirmed_RetryNotSentAndLedgerSaysWhy()
    {
        var gateway = new PoolGateway { AbortAnswer = async (_, wait, ct) => { await Task.Delay(wait, _time, ct); return false; } }
            .Instrument("anneal", "furnace-1", idempotent: false, _ => Done("sample_id", "S-1"))
            .Instrument("measure", "uvvis-1", idempotent: true, _ => new StepCommandResult(StepCommandStatus.TimedOut, null));
        var campaign = Campaign(measure: TestCampaigns.Characterization with { Retry = new StepRetryPolicy(2, TimeSpan.FromSeconds(30)) });
        var experiment = await ProposeAsync();

        var abortWait = _time.NextTimer;
        var running = Runner(gateway).RunAsync(experiment, campaign);
        Assert.Equal(ExperimentRunner.DefaultAbortConfirmationWait, await abortWait.WaitAsync(Bound));
        _time.Advance(ExperimentRunner.DefaultAbortConfirmationWait);
        var outcome = await running.WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Equal(["c1-e0001-s1", "c1-e0001-s2"], gateway.Sent.Select(s => s.Command.CommandId.Value));
        Assert.Contains(_ledger.Events, e => e.Kind == ExperimentRunner.AbortUnconfirmedEvent && e.CommandId.Value == "c1-e0001-s2");
        var refused = Assert.Single(_ledger.Events, e => e.Kind == ExperimentRunner.RetryRefusedEvent);
        Assert.Contains("did not confirm the abort of c1-e0001-s2 within 00:05:00; not sent again", refused.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AbortNeverConfirmedWithRetryElsewhere_SentToTheOtherInstrument()
    {
        var gateway = new PoolGateway { AbortAnswer = (_, _, _) => Task.FromResult(false) }
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.TimedOut, null))
            .Instrument("anneal", "furnace-2", idempotent: false, _ => Done("sample_id", "S-9"))
            .Instrument("measure", "uvvis-1", idempotent: true, _ => Done("y", 1.0));
        var campaign = Campaign(anneal: TestCampaigns.Synthesis with { OnFailure = StepFailurePolicy.RetryElsewhere });
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, campaign).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal([("c1-e0001-s1", "furnace-1"), ("c1-e0001-s1-a2", "furnace-2"), ("c1-e0001-s2", "uvvis-1")], gateway.Sent.Select(s => (s.Command.CommandId.Value, s.Instrument.Value)));
    }

    [Fact]
    public async Task RunAsync_RetryOnNonIdempotentInstrument_NotSentAgainAndLedgerSaysWhy()
    {
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.Failed, null, "heater", "heater fault"));
        var campaign = Campaign(anneal: TestCampaigns.Synthesis with { Retry = new StepRetryPolicy(2, TimeSpan.FromSeconds(30)) });
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, campaign).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Single(gateway.Sent);
        var refused = Assert.Single(_ledger.Events, e => e.Kind == ExperimentRunner.RetryRefusedEvent);
        Assert.Equal("c1-e0001-s1", refused.CommandId.Value);
        Assert.Contains("does not declare 'anneal' idempotent", refused.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RetryElsewhere_SendsOnceToAnotherInstrumentWithoutOverlap()
    {
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.TimedOut, null))
            .Instrument("anneal", "furnace-2", idempotent: false, _ => Done("sample_id", "S-9"))
            .Instrument("measure", "uvvis-1", idempotent: true, _ => Done("y", 1.0));
        var campaign = Campaign(anneal: TestCampaigns.Synthesis with { OnFailure = StepFailurePolicy.RetryElsewhere });
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, campaign).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal(
            [("c1-e0001-s1", "furnace-1"), ("c1-e0001-s1-a2", "furnace-2"), ("c1-e0001-s2", "uvvis-1")],
            gateway.Sent.Select(s => (s.Command.CommandId.Value, s.Instrument.Value)));
        Assert.Equal(["c1-e0001-s1"], gateway.Aborted.Select(a => a.Value));
        Assert.Equal(1, gateway.MaxInFlightPerStep);
        Assert.Contains(_ledger.Events, e => e.Kind == ExperimentRunner.RetryElsewhereEvent && e.Payload.Contains("furnace-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_RetryElsewhereWithNoOtherInstrument_FailsTheExperiment()
    {
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.Failed, null, "heater", "heater fault"));
        var campaign = Campaign(anneal: TestCampaigns.Synthesis with { OnFailure = StepFailurePolicy.RetryElsewhere });
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, campaign).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Contains("no online instrument other than 'furnace-1'", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Single(gateway.Sent);
        Assert.False(outcome.PauseCampaign);
    }

    [Fact]
    public async Task RunAsync_PauseCampaignPolicy_FailsAndSetsThePauseFlag()
    {
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.Failed, null, "heater", "heater fault"));
        var campaign = Campaign(anneal: TestCampaigns.Synthesis with { OnFailure = StepFailurePolicy.PauseCampaign });
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, campaign).WaitAsync(Bound);

        Assert.Equal((ExperimentStatus.Failed, true), (outcome.Status, outcome.PauseCampaign));
        Assert.Contains("heater", outcome.PauseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SkipIfMatchesOnMiddleStep_SkipsItAsATransitionAndCompletes()
    {
        var middle = new WorkflowStepDefinition("polish", "polish", new Dictionary<string, ParameterBinding>(), TimeSpan.FromHours(1))
        {
            SkipIf = new StepSkipCondition("synthesis", "quality", ParameterValue.FromText("rough"), Negated: true),
        };
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S-1"), new("quality", "smooth")])))
            .Instrument("polish", "polisher-1", idempotent: false, _ => throw new InvalidOperationException("a skipped step must not be sent"))
            .Instrument("measure", "uvvis-1", idempotent: true, _ => Done("y", 3.0));
        var campaign = TestCampaigns.TwoSteps() with { Steps = [TestCampaigns.Synthesis, middle, TestCampaigns.Characterization] };
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, campaign).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        var transitions = await _ledger.GetTransitionsAsync(experiment.Id);
        var skip = Assert.Single(transitions, t => t.Trigger == nameof(ExperimentTrigger.Skip));
        Assert.Equal(("polish", "characterization"), (skip.From, skip.To));
        Assert.Contains("synthesis.quality does not equal 'rough'", skip.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(gateway.Sent, s => s.Command.Action == "polish");
    }

    [Fact]
    public async Task RunAsync_LastStepSkipped_FailsNamingTheSkippedStep()
    {
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S-1"), new("cracked", 1.0)])));
        var measure = TestCampaigns.Characterization with { SkipIf = new StepSkipCondition("synthesis", "cracked", ParameterValue.FromNumber(1), Negated: false) };
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, Campaign(measure: measure)).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Contains("objective output 'y'", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Contains("step 'characterization' was skipped because synthesis.cracked equals '1'", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Single(gateway.Sent);
    }

    [Fact]
    public async Task RunAsync_ApprovalGranted_WaitsInAwaitingApprovalThenRuns()
    {
        var gateway = TwoInstruments();
        var gate = new ManualGate(requiresApproval: true) { DispatchOpen = Opened() };
        var experiment = await ProposeAsync();

        var running = Runner(gateway, gate).RunAsync(experiment, TestCampaigns.TwoSteps());
        await gate.AskedForApproval.Task.WaitAsync(Bound);
        Assert.Empty(gateway.Sent);
        Assert.Equal(ExperimentStates.AwaitingApproval, (await _ledger.FindExperimentAsync(experiment.Id))!.State);
        gate.Decision.SetResult(new ApprovalDecision(true, "alice", "looks safe"));
        var outcome = await running.WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        var transitions = await _ledger.GetTransitionsAsync(experiment.Id);
        Assert.Equal([ExperimentStates.AwaitingApproval, "synthesis", "characterization", ExperimentStates.Completed], transitions.Select(t => t.To));
        Assert.Equal("approved by alice: looks safe", transitions[1].Detail);
    }

    [Fact]
    public async Task RunAsync_ApprovalRejected_EndsAbortedWithWhoAndWhy()
    {
        var gateway = TwoInstruments();
        var gate = new ManualGate(requiresApproval: true);
        gate.Decision.SetResult(new ApprovalDecision(false, "bob", "too hot"));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway, gate).RunAsync(experiment, TestCampaigns.TwoSteps()).WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Aborted, outcome.Status);
        Assert.Equal("rejected by bob: too hot", outcome.FailureReason);
        Assert.Empty(gateway.Sent);
        Assert.Equal(ExperimentStatus.Aborted, (await _ledger.FindExperimentAsync(experiment.Id))!.Status);
    }

    [Fact]
    public async Task RunAsync_ResumedInAwaitingApproval_WaitsForApprovalAgain()
    {
        var gateway = TwoInstruments();
        var gate = new ManualGate(requiresApproval: true) { DispatchOpen = Opened() };
        var proposed = await ProposeAsync();
        await _ledger.RecordTransitionAsync(
            new StateTransitionRecord(proposed.Id, ExperimentStates.Proposed, ExperimentStates.AwaitingApproval, nameof(ExperimentTrigger.Start), _time.GetUtcNow(), null),
            ExperimentStatus.Running);
        var experiment = proposed with { State = ExperimentStates.AwaitingApproval, Status = ExperimentStatus.Running };

        var running = Runner(gateway, gate).RunAsync(experiment, TestCampaigns.TwoSteps());
        await gate.AskedForApproval.Task.WaitAsync(Bound);
        Assert.Empty(gateway.Sent);
        gate.Decision.SetResult(new ApprovalDecision(true, "alice", null));

        Assert.Equal(ExperimentStatus.Completed, (await running.WaitAsync(Bound)).Status);
    }

    [Fact]
    public async Task RunAsync_DispatchPaused_SendsNothingUntilTheGateOpens()
    {
        var gateway = TwoInstruments();
        var gate = new ManualGate(requiresApproval: false);
        var experiment = await ProposeAsync();

        var running = Runner(gateway, gate).RunAsync(experiment, TestCampaigns.TwoSteps());
        await gate.AskedToDispatch.Task.WaitAsync(Bound);
        Assert.Empty(gateway.Sent);
        Assert.False(running.IsCompleted);
        gate.DispatchOpen.SetResult();
        var outcome = await running.WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal(2, gateway.Sent.Count);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileCommandInFlight_SendsAbortRecordsItAndEndsAborted()
    {
        using var cts = new CancellationTokenSource();
        var gateway = new PoolGateway()
            .Instrument("anneal", "furnace-1", idempotent: false, async (_, ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return new StepCommandResult(StepCommandStatus.Completed, null);
            });
        var experiment = await ProposeAsync();

        var running = Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps(), cancellationToken: cts.Token);
        await gateway.FirstSent.Task.WaitAsync(Bound);
        await cts.CancelAsync();
        var outcome = await running.WaitAsync(Bound);

        Assert.Equal(ExperimentStatus.Aborted, outcome.Status);
        Assert.Equal(["c1-e0001-s1"], gateway.Aborted.Select(a => a.Value));
        Assert.Contains(_ledger.Events, e => e.Kind == ExperimentRunner.AbortEvent && e.CommandId.Value == "c1-e0001-s1");
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource();
        open.SetResult();
        return open;
    }

    private static PoolGateway TwoInstruments() => new PoolGateway()
        .Instrument("anneal", "furnace-1", idempotent: false, _ => Done("sample_id", "S-1"))
        .Instrument("measure", "uvvis-1", idempotent: true, _ => Done("y", 1.0));

    private static CampaignDefinition Campaign(WorkflowStepDefinition? anneal = null, WorkflowStepDefinition? measure = null) =>
        TestCampaigns.TwoSteps() with { Steps = [anneal ?? TestCampaigns.Synthesis, measure ?? TestCampaigns.Characterization] };

    private static StepCommandResult Done(string name, ParameterValue value) => new(StepCommandStatus.Completed, new ParameterSet([new(name, value)]));

    private ExperimentRunner Runner(IInstrumentGateway gateway, IExperimentGate? gate = null) =>
        new(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance, gate);

    private async Task<ExperimentRecord> ProposeAsync()
    {
        var campaign = new CampaignId("c1");
        var now = _time.GetUtcNow();
        await _ledger.CreateCampaignAsync(new CampaignRecord(campaign, "c1", "yaml", 1, 5, CampaignStatus.Running, now, now));
        var experiment = new ExperimentRecord(new ExperimentId("c1-e0001"), campaign, 1, new ParameterSet([new("x", 0.5)]), ExperimentStatus.Proposed, ExperimentStates.Proposed, "{}", now, now);
        await _ledger.AddExperimentAsync(experiment);
        return experiment;
    }
}
