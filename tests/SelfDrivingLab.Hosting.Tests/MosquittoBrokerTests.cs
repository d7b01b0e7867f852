using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>The same code against an external Mosquitto broker, including a broker crash in the middle of a campaign.</summary>
public sealed class MosquittoBrokerTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresCommandsFact("mosquitto")]
    public async Task RunAsync_MosquittoRestartedMidCampaign_CampaignCompletesAndNothingRunsTwice()
    {
        await using var mosquitto = await MosquittoBroker.StartAsync();
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var fast = new DurationDistribution(TimeSpan.FromMilliseconds(150), TimeSpan.Zero);
        var definition = quickstart with
        {
            Budget = 12,
            Parallel = 2,
            Proposer = quickstart.Proposer with { InitialCount = 6, Restarts = 1 },
            Simulators = [.. quickstart.Simulators.Select(s => s with { Duration = fast, FailureRate = 0 })],
            Steps = [.. quickstart.Steps.Select(s => s with { Deadline = TimeSpan.FromSeconds(60) })],
        };
        var restart = new RestartAfter(4, mosquitto);
        var settings = new CampaignHostSettings(definition)
        {
            LedgerPath = _dir.File("ledger.db"),
            ExecutionLogDirectory = _dir.File("executions"),
            Broker = new BrokerAddress("127.0.0.1", mosquitto.Port),
            VirtualTime = false, // the broker is another process
        };

        var summary = await CampaignHost.RunAsync(settings, restart).WaitAsync(TimeSpan.FromSeconds(180));

        Assert.True(restart.Restarted.IsCompletedSuccessfully, "the broker was not restarted during the campaign");
        Assert.True(summary.Status == CampaignStatus.Completed, summary.Error);
        await using (var failures = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db")))
        {
            var reasons = (await failures.GetExperimentsAsync(summary.CampaignId)).Where(e => e.Status != ExperimentStatus.Completed).Select(e => $"{e.Sequence}: {e.FailureReason}");
            Assert.True(summary.Completed == 12, string.Join("; ", reasons));
        }

        Assert.Equal(12, summary.Experiments);
        var executions = new List<ExecutionRecord>();
        foreach (var log in Directory.GetFiles(_dir.File("executions"), "*.jsonl"))
        {
            executions.AddRange(await ExecutionLogFile.ReadAllAsync(log));
        }

        Assert.Equal(executions.Count, executions.Select(e => e.CommandId).Distinct().Count());
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        Assert.All(await ledger.GetExperimentsAsync(summary.CampaignId), e => Assert.Equal(ExperimentStatus.Completed, e.Status));
    }

    // Restarts the broker (on a worker thread, so the campaign loop goes on) after the Nth result.
    private sealed class RestartAfter(int results, MosquittoBroker broker) : ICampaignObserver
    {
        private readonly TaskCompletionSource _restarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Restarted => _restarted.Task;

        public void OnExperimentFinished(CampaignProgress progress)
        {
            if (progress.Done == results)
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await broker.RestartAsync();
                        _restarted.TrySetResult();
                    }
                    catch (Exception ex)
                    {
                        _restarted.TrySetException(ex);
                    }
                });
            }
        }
    }
}
