using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Client;

/// <summary>Sending a command again under its id only when that cannot run it twice; otherwise asking its status.</summary>
public sealed class InstrumentCommandClientResendTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InstrumentDirectory _directory = new();
    private LiveBus _live = null!;
    private InstrumentCommandClient _client = null!;
    private FakeInstrument _furnace = null!;

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _directory.DisposeAsync();
        await _live.DisposeAsync();
    }

    [Fact]
    public async Task ResendPendingAsync_NonIdempotentActionAfterTheInstrumentRestartedWithoutAJournal_AsksStatusAndFailsLostOnUnknown()
    {
        await StartAsync();
        await AnnounceAsync(instance: "run-1");
        var execution = _client.ExecuteAsync(_furnace.Topics, Anneal("c-1"));
        Assert.Equal(CommandType.Execute, (await _furnace.NextCommandAsync()).Type);

        await AnnounceAsync(instance: "run-2"); // restarted: it forgot c-1, which may have half run
        await _client.ResendPendingAsync(_furnace.Topics);
        var asked = await _furnace.NextCommandAsync();
        await _furnace.SendAsync(_furnace.Event(InstrumentEventKind.Unknown, asked.CommandId));
        var outcome = await execution.WaitAsync(LiveBus.Bound);

        Assert.Equal((CommandType.Status, "c-1"), (asked.Type, asked.CommandId.Value));
        Assert.Equal((CommandOutcomeKind.Failed, CommandOutcome.LostError), (outcome.Kind, outcome.Error));
        Assert.Contains("not sent again", outcome.Message, StringComparison.Ordinal);
        Assert.False(_furnace.Commands.Reader.TryRead(out _));
        Assert.Equal(0, _client.RejectedMessageCount);
    }

    [Theory]
    [InlineData("same-instance")]
    [InlineData("durable-ids")]
    [InlineData("idempotent-action")]
    public async Task ResendPendingAsync_RepeatingCannotRunItTwice_SendsTheExecuteAgain(string why)
    {
        await StartAsync();
        await AnnounceAsync(instance: "run-1", idempotent: why == "idempotent-action");
        var execution = _client.ExecuteAsync(_furnace.Topics, Anneal("c-1"));
        await _furnace.NextCommandAsync();
        if (why != "same-instance")
        {
            await AnnounceAsync(instance: "run-2", durable: why == "durable-ids", idempotent: why == "idempotent-action");
        }

        await _client.ResendPendingAsync(_furnace.Topics);
        var again = await _furnace.NextCommandAsync();
        await _furnace.SendAsync(_furnace.Event(InstrumentEventKind.Completed, again.CommandId, new ParameterSet([new("final_temperature_c", 449.6)])));

        Assert.Equal((CommandType.Execute, "c-1"), (again.Type, again.CommandId.Value));
        Assert.Equal(CommandOutcomeKind.Completed, (await execution.WaitAsync(LiveBus.Bound)).Kind);
    }

    [Fact]
    public async Task ResendPendingAtSitesAsync_BridgeToTheInstrumentsSiteCameBack_SendsOnlyItsCommandsAgainUnderTheirIds()
    {
        await StartAsync();
        await AnnounceAsync(instance: "run-1");
        var execution = _client.ExecuteAsync(_furnace.Topics, Anneal("c-1"));
        await _furnace.NextCommandAsync();

        var elsewhere = await _client.ResendPendingAtSitesAsync([new SiteId("lab-b")]);
        var here = await _client.ResendPendingAtSitesAsync([new SiteId("lab-b"), new SiteId("lab-a")]);
        var again = await _furnace.NextCommandAsync();
        await _furnace.SendAsync(_furnace.Event(InstrumentEventKind.Completed, again.CommandId, new ParameterSet([new("final_temperature_c", 449.6)])));

        Assert.Equal((0, 1), (elsewhere, here));
        Assert.Equal((CommandType.Execute, "c-1"), (again.Type, again.CommandId.Value));
        Assert.Equal(CommandOutcomeKind.Completed, (await execution.WaitAsync(LiveBus.Bound)).Kind);
        Assert.False(_furnace.Commands.Reader.TryRead(out _));
    }

    [Fact]
    public async Task ReattachAsync_InstrumentWithoutInstanceIdStillRunningIt_StatusRepeatsTheLatestEventThenTheResultArrives()
    {
        await StartAsync();
        await AnnounceAsync(instance: null);

        var execution = _client.ReattachAsync(_furnace.Topics, Anneal("c-1"));
        var asked = await _furnace.NextCommandAsync();
        await _furnace.SendAsync(_furnace.Event(InstrumentEventKind.Accepted, asked.CommandId));
        await _furnace.SendAsync(_furnace.Event(InstrumentEventKind.Accepted, asked.CommandId));
        await _furnace.SendAsync(_furnace.Event(InstrumentEventKind.Completed, asked.CommandId, new ParameterSet([new("final_temperature_c", 449.6)])));

        Assert.Equal(CommandType.Status, asked.Type);
        Assert.Equal(CommandOutcomeKind.Completed, (await execution.WaitAsync(LiveBus.Bound)).Kind);
        Assert.Equal(0, _client.RejectedMessageCount);
    }

    private async Task StartAsync()
    {
        _live = await LiveBus.StartAsync();
        var bus = await _live.ConnectAsync("orchestrator");
        await _directory.StartAsync(bus);
        _client = new InstrumentCommandClient(_time, directory: _directory);
        await _client.StartAsync(bus);
        _furnace = await FakeInstrument.StartAsync(_live, "lab-a", "furnace-1", _time);
    }

    private async Task AnnounceAsync(string? instance, bool durable = false, bool idempotent = false)
    {
        var changed = _directory.NextChange;
        var capabilities = new InstrumentCapabilities(_furnace.Topics.Instrument, "furnace", [new CapabilityDescription("anneal", idempotent, [], ["final_temperature_c"])])
        {
            DurableCommandIds = durable,
            InstanceId = instance,
        };
        await _furnace.SendRawAsync(_furnace.Topics.Capabilities, ProtocolJson.Serialize(capabilities));
        await changed.WaitAsync(LiveBus.Bound);
    }

    private InstrumentCommand Anneal(string id) =>
        new(CommandType.Execute, new CommandId(id), "anneal", new ParameterSet([new("temperature_c", 450.0)]), _time.GetUtcNow(), _time.GetUtcNow() + TimeSpan.FromMinutes(30));
}
