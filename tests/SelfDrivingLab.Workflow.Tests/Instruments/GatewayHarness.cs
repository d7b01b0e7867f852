using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

/// <summary>
/// A real directory, command client and gateway on an in-memory bus and a fake clock, plus printers
/// whose answer to each command the test scripts (null: no answer, so the command times out).
/// </summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public static readonly SiteId Site = new("lab-a");
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan StepDeadline = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly InMemoryBus _bus = new();
    private readonly InstrumentCommandClient _client;
    private readonly InstrumentDirectory _directory = new();
    private int _commands;

    private GatewayHarness(int consecutiveFailures, IReadOnlyCollection<AdmittedInstrument>? registered = null, SiteId? localSite = null)
    {
        _client = new InstrumentCommandClient(Time);
        Gateway = new PooledInstrumentGateway(_directory, _client, Time, WaitTimeout, new InstrumentQuarantineOptions { ConsecutiveFailures = consecutiveFailures }, Ledger)
        {
            Registered = registered,
            LocalSite = localSite,
        };
    }

    /// <summary>The site of a second broker bridged to <see cref="Site"/>'s.</summary>
    public static SiteId RemoteSite { get; } = new("lab-b");

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));

    public RecordingStatusLedger Ledger { get; } = new();

    public PooledInstrumentGateway Gateway { get; }

    /// <summary>What each printer answers next, by instrument id.</summary>
    public Dictionary<string, InstrumentEventKind?> Answers { get; } = [];

    public static Task<GatewayHarness> StartAsync(int consecutiveFailures, params string[] printers) =>
        StartAsync(new GatewayHarness(consecutiveFailures), printers);

    /// <summary>A gateway hosted at <see cref="Site"/>, with no printers yet (add them at either site).</summary>
    public static Task<GatewayHarness> StartAtLocalSiteAsync() => StartAsync(new GatewayHarness(3, localSite: Site), []);

    /// <summary>Publishes the retained state of the bridge from <paramref name="from"/> to <paramref name="to"/>, as Mosquitto does.</summary>
    public async Task SetLinkAsync(SiteId from, SiteId to, bool up) =>
        await _bus.PublishAsync(new OutboundMessage(new SiteLinkTopics(from, to).Topic, up ? "1"u8.ToArray() : "0"u8.ToArray(), Retain: true));

    /// <summary>Starts one more printer at <paramref name="site"/>.</summary>
    public Task AddPrinterAtAsync(SiteId site, InstrumentId printer) =>
        AddInstrumentAsync(printer, [new CapabilityDescription("print", false, [], ["sample_id"])], site);

    /// <summary>A gateway that commands only <paramref name="registered"/> (until an operator admits more).</summary>
    public static Task<GatewayHarness> StartWithAdmissionAsync(IReadOnlyCollection<AdmittedInstrument> registered, params string[] printers) =>
        StartAsync(new GatewayHarness(3, registered), printers);

    private static async Task<GatewayHarness> StartAsync(GatewayHarness h, string[] printers)
    {
        await h._directory.StartAsync(h._bus);
        await h._client.StartAsync(h._bus);
        foreach (var printer in printers)
        {
            await h.AddPrinterAsync(new InstrumentId(printer));
        }

        return h;
    }

    /// <summary>Leases a printer and runs one print command on it; returns the printer and how the command ended.</summary>
    public async Task<(InstrumentId Printer, StepCommandStatus Status)> PrintAsync()
    {
        using var lease = await Gateway.AcquireAsync("print").AsTask().WaitAsync(Bound);
        var now = Time.GetUtcNow();
        var command = new InstrumentCommand(CommandType.Execute, new CommandId($"cmd-{++_commands}"), "print", ParameterSet.Empty, now, now + StepDeadline);
        var running = Gateway.ExecuteAsync(lease, command, (_, _) => ValueTask.CompletedTask);
        if (!running.IsCompleted)
        {
            // The printer did not answer: let the deadline pass on the fake clock.
            Time.Advance(StepDeadline);
        }

        return (lease.Instrument, (await running.WaitAsync(Bound)).Status);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _directory.DisposeAsync();
    }

    /// <summary>Every command each printer received, in order.</summary>
    public List<(InstrumentId Printer, InstrumentCommand Command)> Received { get; } = [];

    /// <summary>Starts one more printer whose <c>print</c> action announces <paramref name="limits"/>.</summary>
    public Task AddPrinterAsync(InstrumentId printer, params ParameterLimit[] limits) =>
        AddInstrumentAsync(printer, [new CapabilityDescription("print", false, limits, ["sample_id"])]);

    /// <summary>Starts one more printer announcing <c>print</c> and the <paramref name="others"/> actions.</summary>
    public Task AddPrinterAnnouncingAsync(InstrumentId printer, params string[] others) =>
        AddInstrumentAsync(printer, [.. new[] { "print" }.Concat(others).Select(name => new CapabilityDescription(name, false, [], ["sample_id"]))]);

    private async Task AddInstrumentAsync(InstrumentId printer, IReadOnlyList<CapabilityDescription> actions, SiteId? site = null)
    {
        var topics = new InstrumentTopics(site ?? Site, printer);
        await _bus.SubscribeAsync(topics.Command, async (message, ct) =>
        {
            Assert.True(ProtocolReader.TryReadCommand(message.Payload.Span, out var command, out var error), error);
            lock (Received)
            {
                Received.Add((printer, command!));
            }

            if (command!.Type == CommandType.Execute && Answers.GetValueOrDefault(printer.Value, InstrumentEventKind.Completed) is { } kind)
            {
                var answer = new InstrumentEvent(kind, command.CommandId, printer, Time.GetUtcNow(), Results: kind == InstrumentEventKind.Completed ? ParameterSet.Empty : null, Error: kind is InstrumentEventKind.Failed or InstrumentEventKind.Rejected ? "nozzle_jam" : null);
                await _bus.PublishAsync(new OutboundMessage(topics.Event, ProtocolJson.Serialize(answer)), ct);
            }
        });
        var capabilities = new InstrumentCapabilities(printer, "test printer", actions);
        await _bus.PublishAsync(new OutboundMessage(topics.Capabilities, ProtocolJson.Serialize(capabilities), Retain: true));
        await _bus.PublishAsync(new OutboundMessage(topics.Availability, ProtocolJson.Serialize(new InstrumentAvailability(printer, AvailabilityState.Online, Time.GetUtcNow())), Retain: true));
    }
}
