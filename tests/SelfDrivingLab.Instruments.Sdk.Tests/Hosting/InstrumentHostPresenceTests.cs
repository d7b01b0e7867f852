using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Hosting;

public sealed class InstrumentHostPresenceTests
{
    [Fact]
    public async Task Start_PublishesRetainedCapabilitiesAndOnline()
    {
        await using var h = await HostHarness.StartAsync();

        Assert.True(ProtocolReader.TryReadCapabilities(h.Bus.Retained(h.Topics.Capabilities)!.Value.Span, out var capabilities, out var error), error);
        Assert.Equal(new InstrumentId("furnace1"), capabilities!.Instrument);
        Assert.Equal("anneal", Assert.Single(capabilities.Capabilities).Name);
        Assert.Equal(
            ScriptedDriver.AnnealLimits.Select(l => (l.Name, l.Min, l.Max, l.Unit, l.Required, Choices: string.Join("|", l.Choices ?? []))),
            capabilities.Capabilities[0].Parameters.Select(l => (l.Name, l.Min, l.Max, l.Unit, l.Required, Choices: string.Join("|", l.Choices ?? []))));
        Assert.True(ProtocolReader.TryReadAvailability(h.Bus.Retained(h.Topics.Availability)!.Value.Span, out var availability, out error), error);
        Assert.Equal(AvailabilityState.Online, availability!.State);
        Assert.Equal(HostHarness.Start, availability.At);
        Assert.Contains("sdl-instrument-lab1-furnace1", h.Bus.ConnectedClients);
    }

    [Fact]
    public async Task Start_LateSubscriber_ReceivesRetainedPresence()
    {
        await using var h = await HostHarness.StartAsync();

        await using var late = await MessageRecorder.StartAsync(h.Bus, "sdl/v1/+/+/availability", "late-orchestrator");
        var message = await late.WaitForMessageAsync(h.Topics.Availability, m => m.Retained);

        Assert.True(ProtocolReader.TryReadAvailability(message.Payload.Span, out var availability, out _));
        Assert.Equal(AvailabilityState.Online, availability!.State);
    }

    [Fact]
    public async Task AbruptDisconnect_BrokerPublishesRetainedOfflineWill()
    {
        await using var h = await HostHarness.StartAsync();
        await using var watcher = await MessageRecorder.StartAsync(h.Bus, h.Topics.Availability, "watcher");

        await h.Bus.DropAsync(h.Host.ClientId);
        await watcher.WaitForMessageAsync(h.Topics.Availability, m => !m.Retained);

        Assert.True(ProtocolReader.TryReadAvailability(h.Bus.Retained(h.Topics.Availability)!.Value.Span, out var availability, out _));
        Assert.Equal(AvailabilityState.Offline, availability!.State);
        Assert.Null(availability.At);
    }

    [Fact]
    public async Task Stop_PublishesRetainedOfflineAndDisconnects()
    {
        await using var h = await HostHarness.StartAsync();
        h.Time.Advance(TimeSpan.FromMinutes(3));

        await h.Host.StopAsync();

        Assert.True(ProtocolReader.TryReadAvailability(h.Bus.Retained(h.Topics.Availability)!.Value.Span, out var availability, out _));
        Assert.Equal(AvailabilityState.Offline, availability!.State);
        Assert.Equal(HostHarness.Start.AddMinutes(3), availability.At);
        Assert.DoesNotContain(h.Host.ClientId, h.Bus.ConnectedClients);
    }

    [Fact]
    public async Task DisposeAsync_Twice_IsHarmless()
    {
        var h = await HostHarness.StartAsync();

        await h.Host.DisposeAsync();
        await h.Host.DisposeAsync();
        await h.DisposeAsync();

        Assert.DoesNotContain(h.Host.ClientId, h.Bus.ConnectedClients);
    }

    [Fact]
    public async Task Capabilities_WithAndWithoutAJournal_SayWhetherIdsSurviveARestartAndNameThisRun()
    {
        using var dir = new TemporaryDirectory();
        var options = new InstrumentHostOptions { Site = "lab1", Instrument = "furnace-1" };

        await using var volatileHost = new InstrumentHost(options, new ScriptedDriver(), new InMemoryMessageBus());
        await using var restartedHost = new InstrumentHost(options, new ScriptedDriver(), new InMemoryMessageBus());
        await using var durableHost = new InstrumentHost(new InstrumentHostOptions { Site = "lab1", Instrument = "furnace-1", JournalDirectory = dir.Path }, new ScriptedDriver(), new InMemoryMessageBus());

        Assert.False(volatileHost.Capabilities.DurableCommandIds);
        Assert.True(durableHost.Capabilities.DurableCommandIds);
        Assert.False(string.IsNullOrEmpty(volatileHost.Capabilities.InstanceId));
        Assert.NotEqual(volatileHost.Capabilities.InstanceId, restartedHost.Capabilities.InstanceId);
    }

    [Fact]
    public void Constructor_DriverDeclaresTextWithARange_RefusedBeforeAnythingIsAnnounced()
    {
        var options = new InstrumentHostOptions { Site = "lab1", Instrument = "furnace-1" };
        var driver = new ScriptedDriver(limits: [new ParameterLimit("label", Min: 0, Max: 1) { Type = ParameterKind.Text }]);

        var error = Assert.Throws<ArgumentException>(() => new InstrumentHost(options, driver, new InMemoryMessageBus()));

        Assert.StartsWith("Instrument 'furnace-1' action 'anneal': parameter 'label': type text cannot have min, max or step.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidInstrumentId_ThrowsNamingTheSetting()
    {
        var options = new InstrumentHostOptions { Site = "lab1", Instrument = "furnace/1" };

        var error = Assert.ThrowsAny<Exception>(() => new InstrumentHost(options, new ScriptedDriver(), new InMemoryMessageBus()));

        Assert.Contains("Instrument", error.Message, StringComparison.Ordinal);
    }
}
