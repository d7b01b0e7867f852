using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Experiments;

/// <summary>How many durable commits a run makes, and that grouping them never lets the runner act before what led to it is stored.</summary>
public sealed class ExperimentRunnerCommitTests
{
    private readonly SignallingTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_TwoStepsComplete_MakesTwoCommitsPerStepAndOneToFinish()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => Done("sample_id", "S-1"))
            .Answer("measure", _ => Done("y", 5.0));
        var experiment = await ProposeAsync();
        var before = _ledger.Commits;

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        // Per step: the transition into it with its command, then its events (accepted with completed); then the result with the last transition.
        Assert.Equal(ExperimentStatus.Completed, outcome.Status);
        Assert.Equal(2 * 2 + 1, _ledger.Commits - before);
        Assert.Equal(["synthesis", "characterization", "Completed"], (await _ledger.GetTransitionsAsync(experiment.Id)).Select(t => t.To));
        Assert.Equal(["accepted", "completed", "accepted", "completed"], _ledger.Events.Select(e => e.Kind));
        Assert.Equal(5.0, (await _ledger.FindExperimentAsync(experiment.Id))!.Objective);
    }

    [Fact]
    public async Task RunAsync_EachCommand_IsSentOnlyAfterItsStepAndTheEarlierStepsFinalEventAreStored()
    {
        var seen = new List<(string State, int Commands, string[] Events)>();
        var gateway = new ScriptedGateway()
            .Answer("anneal", c => Snapshot(seen, c, Done("sample_id", "S-1")))
            .Answer("measure", c => Snapshot(seen, c, Done("y", 5.0)));
        var experiment = await ProposeAsync();

        await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        // Seen when the instrument answered: the command (and the state it belongs to) already stored; for the second
        // step, the first step's completed event too.
        Assert.Equal(("synthesis", 1), (seen[0].State, seen[0].Commands));
        Assert.Equal(("characterization", 2), (seen[1].State, seen[1].Commands));
        Assert.Contains("completed", seen[1].Events);
    }

    [Fact]
    public async Task RunAsync_StepRejected_StoresTheQueuedEventTheFailureAndNothingMore()
    {
        var gateway = new ScriptedGateway()
            .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Rejected, null, "limit_violation", "too hot"));
        var experiment = await ProposeAsync();
        var before = _ledger.Commits;

        var outcome = await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        // The transition into the step with its command; the accepted event (no final event came) when the command ended; the failure.
        Assert.Equal(ExperimentStatus.Failed, outcome.Status);
        Assert.Equal(3, _ledger.Commits - before);
        Assert.Equal(["accepted"], _ledger.Events.Select(e => e.Kind));
        Assert.Equal(["synthesis", "Failed"], (await _ledger.GetTransitionsAsync(experiment.Id)).Select(t => t.To));
    }

    [Fact]
    public async Task RunAsync_ProgressReportsWithinTheBound_WaitForTheFinalEventAndShareItsCommit()
    {
        var seenAtAnswer = new List<string>();
        var gateway = new ScriptedGateway()
            .Reporting("anneal", [TimeSpan.Zero, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(400)], _time)
            .Answer("anneal", _ => Seen(seenAtAnswer, Done("sample_id", "S-1")))
            .Answer("measure", _ => Done("y", 5.0));
        var experiment = await ProposeAsync();
        var before = _ledger.Commits;

        await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        // Reports 0.8 s apart at most (bound 1 s): nothing of them stored before the answer; then all with completed, in order.
        Assert.Empty(seenAtAnswer);
        Assert.Equal(2 * 2 + 1, _ledger.Commits - before);
        Assert.Equal(["accepted", "progress", "progress", "progress", "completed", "accepted", "completed"], _ledger.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task RunAsync_ProgressReportOlderThanTheBound_QueueIsStoredWithTheNextReport()
    {
        var seenAtAnswer = new List<string>();
        var gateway = new ScriptedGateway()
            .Reporting("anneal", [TimeSpan.Zero, ExperimentRunner.DefaultEventWriteBehind + TimeSpan.FromSeconds(1)], _time)
            .Answer("anneal", _ => Seen(seenAtAnswer, Done("sample_id", "S-1")))
            .Answer("measure", _ => Done("y", 5.0));
        var experiment = await ProposeAsync();
        var before = _ledger.Commits;

        await Runner(gateway).RunAsync(experiment, TestCampaigns.TwoSteps());

        // The second report came 2 s after the first queued event: it is stored with the queue, before the instrument answered.
        Assert.Equal(["accepted", "progress", "progress"], seenAtAnswer);
        Assert.Equal(2 * 2 + 1 + 1, _ledger.Commits - before);
    }

    [Fact]
    public async Task RunAsync_NoWriteBehind_StoresEveryEventInItsOwnCommit()
    {
        var gateway = new ScriptedGateway()
            .Reporting("anneal", [TimeSpan.Zero], _time)
            .Answer("anneal", _ => Done("sample_id", "S-1"))
            .Answer("measure", _ => Done("y", 5.0));
        var experiment = await ProposeAsync();
        var before = _ledger.Commits;

        var runner = new ExperimentRunner(_ledger, gateway, _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance) { EventWriteBehind = TimeSpan.Zero };

        await runner.RunAsync(experiment, TestCampaigns.TwoSteps());

        // Each step: transition with command, then one commit per event (accepted, progress for the first, completed); then the finish.
        Assert.Equal((1 + 3) + (1 + 2) + 1, _ledger.Commits - before);
    }

    private StepCommandResult Seen(List<string> seen, StepCommandResult answer)
    {
        seen.AddRange(_ledger.Events.Select(e => e.Kind));
        return answer;
    }

    private StepCommandResult Snapshot(List<(string, int, string[])> seen, InstrumentCommand command, StepCommandResult answer)
    {
        var stored = _ledger.FindExperimentAsync(command.ExperimentId!.Value).AsTask().GetAwaiter().GetResult();
        seen.Add((stored!.State, _ledger.Commands.Count, [.. _ledger.Events.Select(e => e.Kind)]));
        return answer;
    }

    private static StepCommandResult Done(string name, ParameterValue value) => new(StepCommandStatus.Completed, new ParameterSet([new(name, value)]));

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
