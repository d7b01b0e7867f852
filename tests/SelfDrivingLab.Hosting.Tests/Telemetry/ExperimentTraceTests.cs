using System.Collections.Concurrent;
using System.Diagnostics;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Diagnostics;

namespace SelfDrivingLab.Hosting.Tests.Telemetry;

/// <summary>Issue 12 item 5: an experiment is one trace, from its proposal to its stored result.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class ExperimentTraceTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_EachExperiment_IsOneTraceWithItsProposalCommandsAndStoredResult()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SdlTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with
        {
            Budget = 4,
            Parallel = 2,
            Proposer = quickstart.Proposer with { InitialCount = 2, Restarts = 1 },
            Simulators = [.. quickstart.Simulators.Select(s => s with { FailureRate = 0 })],
        };

        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db") });

        var experiments = stopped.Where(a => a.OperationName == "sdl.experiment" && (string?)a.GetTagItem("sdl.campaign") == summary.CampaignId.Value).ToList();
        Assert.Equal(4, experiments.Count);
        Assert.Equal(4, experiments.Select(e => e.TraceId).Distinct().Count());
        foreach (var experiment in experiments)
        {
            Assert.Equal(default, experiment.ParentSpanId);
            var children = stopped.Where(a => a.TraceId == experiment.TraceId && a != experiment).ToList();
            Assert.All(children, c => Assert.Equal(experiment.SpanId, c.ParentSpanId));
            Assert.Equal(["sdl.command", "sdl.command", "sdl.propose", "sdl.store"], children.Select(c => c.OperationName).Order(StringComparer.Ordinal));
            Assert.Equal(["compression", "printing"], children.Where(c => c.OperationName == "sdl.command").Select(c => (string)c.GetTagItem("sdl.step")!).Order(StringComparer.Ordinal));
            var propose = children.Single(c => c.OperationName == "sdl.propose");
            var store = children.Single(c => c.OperationName == "sdl.store");
            // From the proposal to the stored result.
            Assert.Equal(experiment.StartTimeUtc, propose.StartTimeUtc);
            Assert.True(store.StartTimeUtc + store.Duration <= experiment.StartTimeUtc + experiment.Duration);
            Assert.Equal("Completed", experiment.GetTagItem("sdl.status"));
        }
    }
}
