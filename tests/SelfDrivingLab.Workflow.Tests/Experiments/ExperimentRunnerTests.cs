using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

public sealed class ExperimentRunnerTests
{
    private readonly SignallingTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_BothStepsComplete_RecordsResultAndEveryTransition()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Done(new("sample_id", "S-1")))
            .Answer("measure", c => Done(new("y", c.Parameters!.GetNumber("x") * 10)));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal(5.0, outcome.Objective);
        var stored = await _ledger.FindExperimentAsync(experiment.Id);
        Assert.Equal((ExperimentStatus.Completed, "Completed", 5.0), (stored!.Status, stored.State, stored.Objective));
        var transitions = await _ledger.GetTransitionsAsync(experiment.Id);
        Assert.Equal(["synthesis", "characterization", "Completed"], transitions.Select(t => t.To));
        Assert.Equal("S-1", gateway.Sent[1].Parameters!["sample_id"].Text);
        Assert.All(gateway.Sent, c => Assert.Equal(c.IssuedAt + (c.Action == "anneal" ? TimeSpan.FromHours(2) : TimeSpan.FromHours(1)), c.Deadline));
        Assert.Equal(2, _ledger.Commands.Count);
        Assert.Contains(_ledger.Events, e => e.Kind == "completed");
    }

    [Fact]
    public async Task RunAsync_SynthesisRejected_FailsWithReasonAndSkipsCharacterization()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Rejected, null, "limit_violation", "temperature 5000 above 1200"))
            .Answer("measure", _ => throw new InvalidOperationException("must not be called"));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Contains("limit_violation", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Single(gateway.Sent);
        Assert.Contains("limit_violation", (await _ledger.FindExperimentAsync(experiment.Id))!.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StepTimesOut_AbortsTheCommandAndRecordsTimeout()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.TimedOut, null));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Contains("deadline", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Equal([gateway.Sent[0].CommandId], gateway.Aborted);
        Assert.Contains(_ledger.Events, e => e.Kind == "timeout");
    }

    [Theory]
    [InlineData("no-y")]
    [InlineData("text-y")]
    public async Task RunAsync_ObjectiveMissingOrNotANumber_FailsWithoutStoringAResult(string variant)
    {
        var results = variant == "no-y" ? new ParameterSet([new("z", 1.0)]) : new ParameterSet([new("y", "high")]);
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Done(new("sample_id", "S-1")))
            .Answer("measure", _ => new StepCommandResult(StepCommandStatus.Completed, results));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Contains("'y'", outcome.FailureReason, StringComparison.Ordinal);
        Assert.Null((await _ledger.FindExperimentAsync(experiment.Id))!.Objective);
    }

    [Fact]
    public async Task RunAsync_InstrumentBusyOnce_SendsAgainUnderANewIdAfterThePause()
    {
        var answers = 0;
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Interlocked.Increment(ref answers) == 1
                ? new StepCommandResult(StepCommandStatus.Rejected, null, ExperimentRunner.BusyError, "1 of 1 channels in use")
                : Done(new("sample_id", "S-2")))
            .Answer("measure", _ => Done(new("y", 1.0)));
        var experiment = await ProposeAsync();

        var pause = _time.NextTimer;
        var running = Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        Assert.Equal(ExperimentRunner.BusyBackoff, await pause.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(running.IsCompleted);
        _time.Advance(ExperimentRunner.BusyBackoff);
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal(["c1-e0001-s1", "c1-e0001-s1-r2", "c1-e0001-s2"], gateway.Sent.Select(c => c.CommandId.Value));
    }

    [Fact]
    public async Task RunAsync_RejectedForLimits_IsNotRetried()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Rejected, null, "limit_violation", "too hot"));
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Single(gateway.Sent);
    }

    [Fact]
    public async Task RunAsync_NoInstrument_RecordsFailureAndRethrows()
    {
        var gateway = new ScriptedGateway().Missing("anneal");
        var experiment = await ProposeAsync();

        await Assert.ThrowsAsync<NoInstrumentAvailableException>(() => Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps()));

        var stored = await _ledger.FindExperimentAsync(experiment.Id);
        Assert.Equal(ExperimentStatus.Failed, stored!.Status);
        Assert.Contains("anneal", stored.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_RecordsAbort()
    {
        using var cts = new CancellationTokenSource();
        var gateway = new ScriptedGateway().Answer("anneal", _ =>
        {
            cts.Cancel();
            throw new OperationCanceledException(cts.Token);
        });
        var experiment = await ProposeAsync();

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps(), cancellationToken: cts.Token);

        Assert.Equal(ExperimentStatus.Aborted, outcome.Status);
        Assert.Equal(ExperimentStatus.Aborted, (await _ledger.FindExperimentAsync(experiment.Id))!.Status);
    }

    private static StepCommandResult Done(KeyValuePair<string, ParameterValue> result) => new(StepCommandStatus.Completed, new ParameterSet([result]));

    private ExperimentRunner Runner(IInstrumentGateway gateway) => new(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance);

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
