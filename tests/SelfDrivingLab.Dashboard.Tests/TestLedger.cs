using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Dashboard.Tests;

/// <summary>
/// A writable ledger with one running campaign — a SQLite file in a temporary directory, or any store handed in (e.g. a
/// PostgreSQL schema) — and helpers that store experiments as a host would.
/// </summary>
internal sealed class TestLedger : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly CampaignId Campaign = new("live-20260301-090000");
    public static readonly InstrumentId Printer = new("printer-1");
    private readonly TemporaryDirectory? _dir;

    private TestLedger(ILedgerStore ledger, TemporaryDirectory? dir)
    {
        Ledger = ledger;
        _dir = dir;
    }

    public ILedgerStore Ledger { get; }

    public string Path => Ledger.Location;

    /// <summary>A ledger with the campaign; its identity is the quickstart's with <paramref name="goal"/>, or none at all.</summary>
    public static async Task<TestLedger> CreateAsync(ObjectiveGoal? goal = ObjectiveGoal.Maximize)
    {
        var directory = new TemporaryDirectory();
        return await CreateAsync(await SqliteLedger.OpenAsync(directory.File("ledger.db")), directory, goal);
    }

    /// <summary>The campaign in <paramref name="ledger"/>, an empty store opened for writing; disposing closes it.</summary>
    public static Task<TestLedger> CreateInAsync(ILedgerStore ledger) => CreateAsync(ledger, null, ObjectiveGoal.Maximize);

    private static async Task<TestLedger> CreateAsync(ILedgerStore ledger, TemporaryDirectory? directory, ObjectiveGoal? goal)
    {
        var test = new TestLedger(ledger, directory);
        string? identity = null;
        if (goal is { } g)
        {
            var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
            identity = CampaignIdentity.Of(quickstart with { Objective = new Objective("toughness", g, g == ObjectiveGoal.Target ? 8.0 : null) }).ToJson();
        }

        await ledger.CreateCampaignAsync(new CampaignRecord(Campaign, "live", "name: live\n", 7, 10, CampaignStatus.Running, T0, T0) { Identity = identity });
        return test;
    }

    /// <summary>Stores experiment <paramref name="sequence"/>, started on the printer with its command in flight.</summary>
    public async Task<ExperimentId> AddRunningAsync(int sequence)
    {
        var id = new ExperimentId(DerivedIds.Experiment(Campaign.Value, sequence));
        var at = T0.AddHours(sequence);
        await Ledger.AddExperimentAsync(new ExperimentRecord(
            id, Campaign, sequence, new ParameterSet([new("n", 6.0 + sequence), new("theta", 10.0 * sequence)]), ExperimentStatus.Proposed, "Proposed", "{}", at, at));
        await Ledger.RecordTransitionAsync(new StateTransitionRecord(id, "Proposed", "printing", "Start", at), ExperimentStatus.Running);
        await Ledger.RecordCommandAsync(new CommandRecord(new CommandId(DerivedIds.Step(id.Value, 0)), id, Printer, "printing", "print", ParameterSet.Empty, at, at.AddHours(3)));
        return id;
    }

    /// <summary>Stores experiment <paramref name="sequence"/> held for an operator's approval, as the workflow stores it.</summary>
    public async Task<ExperimentId> AddAwaitingApprovalAsync(int sequence)
    {
        var id = new ExperimentId(DerivedIds.Experiment(Campaign.Value, sequence));
        var at = T0.AddHours(sequence);
        await Ledger.AddExperimentAsync(new ExperimentRecord(
            id, Campaign, sequence, new ParameterSet([new("n", 6.0 + sequence), new("theta", 10.0 * sequence)]), ExperimentStatus.Proposed, "Proposed", "{}", at, at));
        await Ledger.RecordTransitionAsync(new StateTransitionRecord(id, "Proposed", "AwaitingApproval", "Start", at), ExperimentStatus.Running);
        return id;
    }

    /// <summary>Completes a running experiment with <paramref name="toughness"/> as its objective.</summary>
    public async Task CompleteAsync(ExperimentId id, double toughness)
    {
        var experiment = await Ledger.FindExperimentAsync(id) ?? throw new InvalidOperationException($"no {id}");
        var at = experiment.UpdatedAt.AddHours(1);
        await Ledger.RecordEventAsync(new InstrumentEventRecord(new CommandId(DerivedIds.Step(id.Value, 0)), Printer, "completed", at, "{}"));
        await Ledger.RecordResultAsync(
            id, new ExperimentResult([new StepOutputs("printing", new ParameterSet([new("toughness", toughness)]))], [new ObjectiveValue("toughness", toughness)]), at);
        await Ledger.RecordTransitionAsync(new StateTransitionRecord(id, experiment.State, "Completed", "Measured", at), ExperimentStatus.Completed);
    }

    /// <summary>Fails a running experiment.</summary>
    public async Task FailAsync(ExperimentId id, string reason)
    {
        var experiment = await Ledger.FindExperimentAsync(id) ?? throw new InvalidOperationException($"no {id}");
        var at = experiment.UpdatedAt.AddHours(1);
        await Ledger.RecordEventAsync(new InstrumentEventRecord(new CommandId(DerivedIds.Step(id.Value, 0)), Printer, "failed", at, "{}"));
        await Ledger.RecordTransitionAsync(new StateTransitionRecord(id, experiment.State, "Failed", "Fail", at, reason), ExperimentStatus.Failed);
    }

    public async Task<ExperimentId> AddCompletedAsync(int sequence, double toughness)
    {
        var id = await AddRunningAsync(sequence);
        await CompleteAsync(id, toughness);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        _dir?.Dispose();
    }
}
