using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Workflow.Campaigns;
using Xunit.Abstractions;

namespace SelfDrivingLab.Hosting.Tests.Fuzz;

/// <summary>
/// A real campaign (embedded broker, SQLite, simulators, virtual clock) while 10,000 seeded hostile
/// payloads hit every topic the orchestrator subscribes to.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public sealed class HostileInputFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Budget = 8;
    private const int HostilePayloads = 10_000;
    private const int Seed = 20_261_124;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunCampaign_TenThousandHostilePayloads_CompletesWithItsBudgetAndUnchangedData()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with { Budget = Budget, Proposer = quickstart.Proposer with { InitialCount = 4 } };
        var settings = new CampaignHostSettings(definition) { LedgerPath = _dir.File("ledger.db"), ExecutionLogDirectory = _dir.File("executions") };
        var instruments = definition.Simulators.Select(s => s.Id).ToList();
        var observer = new BatchPacingObserver();
        var spy = new RealEventSpy(definition.Site, instruments);
        using var host = BuildHost(settings, observer, spy);
        var client = host.Services.GetRequiredService<InstrumentCommandClient>();
        var directory = host.Services.GetRequiredService<InstrumentDirectory>();
        var factory = host.Services.GetRequiredService<IMessageBusFactory>();
        var campaignDone = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var work = host.Services.GetRequiredService<IWorkTracker>();
        var generator = new HostilePayloadGenerator(definition.Site, instruments, Seed);
        var sent = new ConcurrentQueue<HostilePayload>();
        var realEvents = spy.Events;
        var fuzzed = spy.Fuzzed;

        using var rejections = new RejectionSignal();
        await host.StartAsync().WaitAsync(Bound);
        await using var fuzzer = await factory.ConnectAsync(new MessageBusConnectionOptions("fuzzer"));

        // One batch now and one after each experiment but the last; the observer holds the campaign
        // loop until its batch is out, so every payload is sent while the campaign runs. Each payload
        // is a unit of work until its rejection is counted: the virtual clock cannot see messages in
        // flight, and would otherwise jump to the next timer (a step's deadline) in the gaps.
        var batch = (HostilePayloads + Budget - 1) / Budget;
        for (var round = 0; round < Budget; round++)
        {
            if (round > 0)
            {
                var finished = await observer.Finished.Reader.ReadAsync().AsTask().WaitAsync(Bound);
                generator.FinishedExperiments.Add(finished.Value);
            }

            generator.RealEvents.Clear();
            generator.RealEvents.AddRange(realEvents);
            for (var i = 0; i < batch; i++)
            {
                var payload = generator.Next();
                fuzzed.TryAdd(System.Text.Encoding.UTF8.GetString(payload.Message.Payload.Span), 0);
                sent.Enqueue(payload);
                using (work.Begin())
                {
                    await fuzzer.PublishAsync(payload.Message).AsTask().WaitAsync(Bound);
                    await rejections.NextAsync(Bound);
                }
            }

            Assert.False(campaignDone.IsCancellationRequested, $"the campaign ended before hostile batch {round} was out");
            if (round > 0)
            {
                observer.BatchSent.Release();
            }
        }

        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (campaignDone.Register(() => ended.TrySetResult()))
        {
            await ended.Task.WaitAsync(Bound);
        }

        await host.StopAsync().WaitAsync(Bound);

        var unapplied = await AssertLedgerHoldsOnlyRealTrafficAsync([.. realEvents], definition.Objective.Output);

        // Every hostile payload was rejected, each for the reason it was built to get. The only other
        // drops allowed are real events of commands the orchestrator had given up on (see above).
        // The host shares one counter between the command client and the directory.
        var rejected = ReferenceEquals(client.Rejections, directory.Rejections)
            ? client.Rejections.Snapshot()
            : Merge(client.Rejections.Snapshot(), directory.Rejections.Snapshot());
        var late = client.LateEventCount;
        var tally = $"sent {Describe(sent.CountBy(p => p.ExpectedReason ?? "replay"))}; rejected {Describe(rejected)}; late {late}; real events not applied {unapplied}";
        output.WriteLine(tally);
        Assert.True(sent.Count >= HostilePayloads, tally);
        Assert.True(sent.Count + unapplied == rejected.Values.Sum() + late, tally);
        foreach (var group in sent.Where(p => p.ExpectedReason is not null).GroupBy(p => p.ExpectedReason!))
        {
            Assert.True(group.Count() == rejected.GetValueOrDefault(group.Key), $"{group.Key}: sent {group.Count()}; {tally}");
        }

        var replays = sent.Count(p => p.ExpectedReason is null);
        Assert.True(replays + unapplied == HostilePayloadGenerator.ReplayReasons.Sum(r => rejected.GetValueOrDefault(r)) + late, tally);
        Assert.Equal(instruments, directory.Snapshot().Select(i => i.Topics.Instrument));
        Assert.All(directory.Snapshot(), i => Assert.True(i.Offers(i.Topics.Instrument == instruments[0] ? "print" : "compression-test")));
    }

    private static string Describe<TValue>(IEnumerable<KeyValuePair<string, TValue>> counts) =>
        string.Join(", ", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>
    /// Checks that the ledger holds the instruments' own events and nothing the fuzzer sent, and
    /// returns how many real events were legitimately not applied. That happens only to a command
    /// that timed out. Steps should not time out here, but on the virtual clock one sometimes does
    /// (seen even with a handful of hostile payloads, so not caused by the fuzz): the clock jumps
    /// when every thread-pool queue is empty, which it can be while a real event is still in a
    /// socket. Its late events must then be dropped or recorded as late, never applied.
    /// </summary>
    private async Task<int> AssertLedgerHoldsOnlyRealTrafficAsync(IReadOnlyList<(InstrumentEvent Event, string Json)> realEvents, string objective)
    {
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_dir.File("ledger.db"));
        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        var experiments = await ledger.GetExperimentsAsync(campaign.Id);
        Assert.Equal(Enumerable.Range(1, Budget), experiments.Select(e => e.Sequence));
        var real = realEvents.ToLookup(r => r.Event.CommandId);
        var commandIds = new List<string>();
        var unapplied = 0;
        foreach (var experiment in experiments)
        {
            Assert.Contains(experiment.Status, new[] { ExperimentStatus.Completed, ExperimentStatus.Failed });
            foreach (var command in await ledger.GetCommandsAsync(experiment.Id))
            {
                commandIds.Add(command.Id.Value);
                var rows = await ledger.GetEventsAsync(command.Id);
                var stored = rows.Where(r => r.Kind is not "timeout" and not "late").Select(Decode).OrderBy(e => e.At).ThenBy(e => e.Kind).ToList();
                var late = rows.Where(r => r.Kind == "late").Select(Decode).ToList();
                var sentByInstrument = real[command.Id].Select(r => r.Event).ToList();
                if (rows.Any(r => r.Kind == "timeout"))
                {
                    // Given up: what was applied before the deadline is real, and no final was applied.
                    Assert.Equal(ExperimentStatus.Failed, experiment.Status);
                    Assert.All(stored, e => Assert.Contains(e, sentByInstrument));
                    Assert.DoesNotContain(stored, e => e.IsFinal);

                    // A final that came after the deadline is kept as "late" (once), never applied.
                    Assert.True(late.Count <= 1, $"{command.Id} has {late.Count} late rows");
                    Assert.All(late, e => Assert.True(e.IsFinal && sentByInstrument.Contains(e), $"late row {e} is not a real final of {command.Id}"));
                    unapplied += sentByInstrument.Count - stored.Count;
                }
                else
                {
                    // Exactly the instrument's own events, each once: nothing forged, replayed or late.
                    Assert.Empty(late);
                    Assert.Equal(sentByInstrument.OrderBy(e => e.At).ThenBy(e => e.Kind), stored);
                }
            }

            if (experiment.Status == ExperimentStatus.Completed)
            {
                // The stored measurements are exactly what the instruments reported for its steps.
                var reported = realEvents
                    .Where(r => r.Event.Kind == InstrumentEventKind.Completed && r.Event.CommandId.Value.StartsWith(experiment.Id.Value + "-s", StringComparison.Ordinal))
                    .Select(r => r.Event)
                    .DistinctBy(e => e.CommandId)
                    .OrderBy(e => e.CommandId.Value, StringComparer.Ordinal)
                    .ToList();
                var expected = reported.SelectMany(e => e.Results!).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value);
                Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), experiment.Measurements!.OrderBy(kv => kv.Key, StringComparer.Ordinal));
                Assert.Equal(reported[^1].Results!.GetNumber(objective), experiment.Objective);
            }
        }

        var executed = new List<string>();
        foreach (var log in Directory.GetFiles(_dir.File("executions"), "*.jsonl"))
        {
            executed.AddRange((await ExecutionLogFile.ReadAllAsync(log)).Select(r => r.CommandId.Value));
        }

        Assert.Equal(commandIds.Order(StringComparer.Ordinal), executed.Order(StringComparer.Ordinal));
        return unapplied;
    }

    // CampaignHost.Build, plus the spy, which starts after the broker and before the campaign so it sees every real event.
    private static IHost BuildHost(CampaignHostSettings settings, ICampaignObserver observer, RealEventSpy spy)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "sdl-fuzz", ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Services.AddSelfDrivingLabCampaign(settings, observer);
        // The orchestrator's own input checks are under test here, behind the broker's: the fuzzer may publish anywhere
        // (a broker without an access policy, every in-process client on its one identity).
        builder.Services.AddSingleton(Transport.Mqtt.Security.EmbeddedBrokerAccess.Unrestricted());
        var campaignService = builder.Services.Last(d => d.ServiceType == typeof(IHostedService));
        builder.Services.Insert(builder.Services.IndexOf(campaignService), ServiceDescriptor.Singleton<IHostedService>(provider => spy.Bind(provider.GetRequiredService<IMessageBusFactory>())));
        return builder.Build();
    }

    private static InstrumentEvent Decode(InstrumentEventRecord record)
    {
        Assert.True(ProtocolReader.TryReadEvent(System.Text.Encoding.UTF8.GetBytes(record.Payload), out var decoded, out var error), $"{record.Kind} row of {record.CommandId}: {error}");
        return decoded!;
    }

    private static Dictionary<string, long> Merge(params IReadOnlyDictionary<string, long>[] counts) =>
        counts.SelectMany(c => c).GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);

    /// <summary>Signals each rejection or late event counted on the shared meter (the virtual-clock collection runs alone, so they are this test's).</summary>
    private sealed class RejectionSignal : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly SemaphoreSlim _rejected = new(0);

        public RejectionSignal()
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "SelfDrivingLab" && instrument.Name is "sdl.protocol.rejected_messages" or "sdl.protocol.late_events")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, _, _, _) => _rejected.Release());
            _listener.Start();
        }

        public async Task NextAsync(TimeSpan bound) => Assert.True(await _rejected.WaitAsync(bound), "a hostile payload was neither rejected nor recorded as late in time");

        public void Dispose()
        {
            _listener.Dispose();
            _rejected.Dispose();
        }
    }

    /// <summary>Reports each finished experiment and holds the campaign loop until the fuzzer's next batch is out.</summary>
    private sealed class BatchPacingObserver : ICampaignObserver
    {
        public System.Threading.Channels.Channel<ExperimentId> Finished { get; } = System.Threading.Channels.Channel.CreateUnbounded<ExperimentId>();

        public SemaphoreSlim BatchSent { get; } = new(0);

        public void OnExperimentFinished(CampaignProgress progress)
        {
            if (progress.Done < progress.Budget)
            {
                Finished.Writer.TryWrite(progress.Finished.Id);
                Assert.True(BatchSent.Wait(Bound), "the fuzzer did not send its batch in time");
            }
        }
    }
}
