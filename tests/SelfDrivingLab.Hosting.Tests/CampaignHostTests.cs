using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>Whole campaigns over the embedded MQTT broker (127.0.0.1, ephemeral port), SQLite and the simulators, on the virtual clock.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class CampaignHostTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_SmallQuickstart_LedgerAndInstrumentLogsAgree()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 12, Proposer = quickstart.Proposer with { InitialCount = 6 } };

        var summary = await RunAsync(definition);

        Assert.Equal(CampaignStatus.Completed, summary.Status);
        Assert.Equal(12, summary.Experiments);
        Assert.Equal(12, summary.Completed + summary.Failed);
        Assert.True(summary.LabTime > TimeSpan.FromHours(6), $"lab time {summary.LabTime} is not a realistic simulated duration");
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        var experiments = await ledger.GetExperimentsAsync(summary.CampaignId);
        Assert.Equal(Enumerable.Range(1, 12), experiments.Select(e => e.Sequence));
        var commandIds = new List<string>();
        foreach (var experiment in experiments)
        {
            Assert.Contains(experiment.Status, new[] { ExperimentStatus.Completed, ExperimentStatus.Failed });
            var commands = await ledger.GetCommandsAsync(experiment.Id);
            Assert.Equal(experiment.Status == ExperimentStatus.Completed ? 2 : commands.Count, commands.Count);
            foreach (var command in commands)
            {
                commandIds.Add(command.Id.Value);
                var kinds = (await ledger.GetEventsAsync(command.Id)).Select(e => e.Kind).ToList();
                Assert.Contains("accepted", kinds);
            }
        }

        // Every command the ledger sent was executed exactly once, and no instrument ever ran two at once.
        var executions = new List<ExecutionRecord>();
        foreach (var log in Directory.GetFiles(_dir.File("executions"), "*.jsonl"))
        {
            var records = await ExecutionLogFile.ReadAllAsync(log);
            executions.AddRange(records);
            var ordered = records.OrderBy(r => r.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].StartedAt >= ordered[i - 1].FinishedAt, $"{ordered[i].Instrument} ran {ordered[i - 1].CommandId} and {ordered[i].CommandId} at once");
            }
        }

        Assert.Equal(commandIds.Order(StringComparer.Ordinal), executions.Select(e => e.CommandId.Value).Order(StringComparer.Ordinal));
        Assert.Equal(summary.Completed, executions.Count(e => e.Action == "compression-test" && e.Outcome == InstrumentEventKind.Completed));
    }

    [Fact]
    public async Task RunAsync_NoInstrumentOffersACapability_FailsNamingIt()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 3, Simulators = [] };

        var summary = await RunAsync(definition);

        Assert.Equal(CampaignStatus.Failed, summary.Status);
        Assert.Contains("'print'", summary.Error, StringComparison.Ordinal);
        Assert.Equal(0, summary.Completed);
    }

    [Fact]
    public async Task RunAsync_InstrumentNeverAnswersInTime_StepsFailAtTheirDeadlineAndTheCampaignEnds()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var slowPrinter = quickstart.Simulators[0] with { Duration = new DurationDistribution(TimeSpan.FromDays(30), TimeSpan.Zero) };
        var definition = quickstart with { Budget = 3, Parallel = 1, Simulators = [slowPrinter, quickstart.Simulators[1]] };

        var summary = await RunAsync(definition);

        Assert.Equal(CampaignStatus.Completed, summary.Status);
        Assert.Equal((3, 0, 3), (summary.Experiments, summary.Completed, summary.Failed));
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        foreach (var experiment in await ledger.GetExperimentsAsync(summary.CampaignId))
        {
            Assert.Contains("'printing' missed its deadline", experiment.FailureReason, StringComparison.Ordinal);
            // The last command timed out; any before it were refused as busy while the printer was
            // still winding down the previous experiment's aborted print, and were sent again.
            var commands = await ledger.GetCommandsAsync(experiment.Id);
            Assert.Contains("timeout", (await ledger.GetEventsAsync(commands[^1].Id)).Select(e => e.Kind));
            foreach (var refused in commands.SkipLast(1))
            {
                var events = await ledger.GetEventsAsync(refused.Id);
                Assert.Contains(events, e => e.Kind == "rejected" && e.Payload.Contains("\"busy\"", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task RunAsync_SameSeedTwice_TakesTheSamePathOnTheVirtualClock()
    {
        // Two experiments in flight: which results exist when the next proposal is made depends
        // on the order of events, which the virtual clock must make reproducible.
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = 10, Proposer = quickstart.Proposer with { InitialCount = 4 } };

        var first = await RunAsync(definition, "first.db");
        var second = await RunAsync(definition, "second.db");

        Assert.Equal(await PathOfAsync("first.db", first), await PathOfAsync("second.db", second));
        Assert.Equal(first.LabTime, second.LabTime);
    }

    [Fact]
    public async Task RunAsync_ResumedOnTheVirtualClock_ContinuesFromTheLedgerSoTimeNeverRunsBack()
    {
        // Issue 9 item 6: the clock used to restart at the wall time, hours before the simulated times
        // already stored, so a resumed campaign's records went back in time and its lab time shrank.
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var first = await RunAsync(quickstart with { Budget = 2 });
        await MarkRunningAsync(first.CampaignId); // as if the host was killed before its final status write

        var resumed = await RunAsync(quickstart with { Budget = 4 });

        Assert.Equal((first.CampaignId, first.StartedAt, CampaignStatus.Completed, 4), (resumed.CampaignId, resumed.StartedAt, resumed.Status, resumed.Experiments));
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        foreach (var experiment in await ledger.GetExperimentsAsync(resumed.CampaignId))
        {
            if (experiment.Sequence > 2)
            {
                Assert.True(experiment.ProposedAt >= first.FinishedAt, $"e{experiment.Sequence} proposed at {experiment.ProposedAt:O}, before the first run ended at {first.FinishedAt:O}");
            }

            // Read back by time, the transitions still form the chain they were written as.
            var transitions = await ledger.GetTransitionsAsync(experiment.Id);
            Assert.All(transitions.Zip(transitions.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        }

        Assert.Equal(await ledger.GetLatestRecordedTimeAsync(), resumed.FinishedAt);
        Assert.True(resumed.LabTime > first.LabTime, $"lab time {resumed.LabTime} does not count the first run's {first.LabTime}");
    }

    private async Task MarkRunningAsync(SelfDrivingLab.Core.Ids.CampaignId campaign)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.File("ledger.db")};Pooling=False");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE campaigns SET status = 'Running' WHERE id = $id";
        update.Parameters.AddWithValue("$id", campaign.Value);
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
    }

    private async Task<List<string>> PathOfAsync(string ledgerFile, CampaignSummary summary)
    {
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File(ledgerFile));
        return [.. (await ledger.GetExperimentsAsync(summary.CampaignId)).Select(e => $"{e.Sequence} {e.Parameters} {e.Status} {e.Objective}")];
    }

    private Task<CampaignSummary> RunAsync(CampaignDefinition definition, string ledgerFile = "ledger.db")
    {
        var settings = new CampaignHostSettings(definition)
        {
            LedgerPath = _dir.File(ledgerFile),
            ExecutionLogDirectory = _dir.File("executions"),
        };
        return CampaignHost.RunAsync(settings).WaitAsync(Bound);
    }
}
