using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Faults;

public sealed class InstrumentHostFaultTests
{
    private static readonly ParameterSet Results = new([new("phase", "perovskite")]);
    private static readonly CommandId Id = new("c1");

    [Fact]
    public async Task Execute_RejectFault_RejectsWithSimulatedRejectionWithoutRunningAndLogsTheFault()
    {
        var faults = new ScriptedFaultInjector().With("c1", InjectedFault.Reject);
        await using var h = await HostHarness.StartAsync(faults: faults);

        await h.SendAsync(h.Execute("c1"));
        var rejected = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);
        await h.SendAsync(h.Execute("c1"));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected, count: 2);

        Assert.Equal("simulated_rejection", rejected.Error);
        Assert.Empty(h.Driver.Calls);
        Assert.Equal(["c1"], faults.Asked);
        var record = Assert.Single(await h.ExecutionsAsync());
        Assert.Equal((InstrumentEventKind.Rejected, "simulated_rejection", InjectedFault.Reject), (record.Outcome, record.Error, record.Fault));
    }

    [Fact]
    public async Task Execute_FailFault_RunsTheActionThenFailsWithSimulatedFailure()
    {
        await using var h = await HostHarness.StartAsync(faults: new ScriptedFaultInjector().With("c1", InjectedFault.Fail));

        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(Id);
        h.Driver.Complete(Id, Results);
        var failed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Failed);

        Assert.Equal("simulated_failure", failed.Error);
        Assert.Single(h.Driver.Calls);
        var record = Assert.Single(await h.ExecutionsAsync());
        Assert.Equal((InstrumentEventKind.Failed, "simulated_failure", InjectedFault.Fail), (record.Outcome, record.Error, record.Fault));
    }

    [Fact]
    public async Task Execute_FailFaultOnARealFailure_KeepsTheRealErrorAndDoesNotMarkAFault()
    {
        await using var h = await HostHarness.StartAsync(faults: new ScriptedFaultInjector().With("c1", InjectedFault.Fail));

        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(Id);
        h.Driver.Fail(Id, new InstrumentActionException("hardware_fault", "thermocouple open"));
        var failed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Failed);

        Assert.Equal("hardware_fault", failed.Error);
        Assert.Null(Assert.Single(await h.ExecutionsAsync()).Fault);
    }

    [Fact]
    public async Task Execute_HangFault_NeverAnswersUntilAborted()
    {
        await using var h = await HostHarness.StartAsync(faults: new ScriptedFaultInjector().With("c1", InjectedFault.Hang));

        await h.SendAsync(h.Execute("c1"));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Accepted);
        h.Time.Advance(TimeSpan.FromDays(30));
        await h.SendAsync(h.Control(CommandType.Status, "c1"));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Accepted, count: 2);
        var beforeAbort = h.Recorder.Events.Select(e => e.Kind).ToList();
        await h.SendAsync(h.Control(CommandType.Abort, "c1"));
        var aborted = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Aborted);

        // The status answer proves the command was still held (not final) a month later.
        Assert.Equal([InstrumentEventKind.Accepted, InstrumentEventKind.Accepted], beforeAbort);
        Assert.Equal(HostHarness.Start.AddDays(30), aborted.At);
        Assert.Empty(h.Driver.Calls);
        var record = Assert.Single(await h.ExecutionsAsync());
        Assert.Equal((InstrumentEventKind.Aborted, InjectedFault.Hang), (record.Outcome, record.Fault));
    }

    [Fact]
    public async Task Execute_DuplicateFault_PublishesTheFinalEventTwiceButRunsOnce()
    {
        await using var h = await HostHarness.StartAsync(faults: new ScriptedFaultInjector().With("c1", InjectedFault.Duplicate));

        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(Id);
        h.Driver.Complete(Id, Results);
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed, count: 2);

        var completed = h.Recorder.Events.Where(e => e.Kind == InstrumentEventKind.Completed).ToList();
        Assert.Equal(completed[0], completed[1]);
        Assert.Single(h.Driver.Calls);
        Assert.Equal(InjectedFault.Duplicate, Assert.Single(await h.ExecutionsAsync()).Fault);
    }

    [Fact]
    public async Task Execute_LateFault_PublishesTheResultOnlyAfterTheExtraDelay()
    {
        var delay = TimeSpan.FromMinutes(7);
        await using var h = await HostHarness.StartAsync(faults: new ScriptedFaultInjector().With("c1", InjectedFault.Late, delay));

        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(Id);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        h.Driver.Complete(Id, Results);
        await h.Time.WaitForTimersAsync(1);
        var beforeDelay = h.Recorder.Events.Select(e => e.Kind).ToList();
        var record = Assert.Single(await h.ExecutionsAsync());
        h.Time.Advance(delay);
        var completed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);

        Assert.Equal([InstrumentEventKind.Accepted, InstrumentEventKind.Progress], beforeDelay);
        Assert.Equal(delay, h.Time.DueTimes[^1]);
        Assert.Equal((InjectedFault.Late, HostHarness.Start.AddMinutes(5)), (record.Fault, record.FinishedAt));
        Assert.Equal(Results, completed.Results);
    }

    [Fact]
    public async Task Execute_DisconnectFault_DropsTheConnectionMidCommandThenDeliversTheResultOnce()
    {
        await using var h = await HostHarness.StartAsync(faults: new ScriptedFaultInjector().With("c1", InjectedFault.Disconnect));
        await using var presence = await MessageRecorder.StartAsync(h.Bus, h.Topics.Availability, "presence");

        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(Id);
        h.Driver.Complete(Id, Results);
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);
        await h.SendAsync(h.Execute("c1"));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed, count: 2);
        var online = await presence.WaitForMessageAsync(h.Topics.Availability, m => !m.Retained && State(m.Payload) == AvailabilityState.Online);

        // Retained online from start-up, then the will (offline, no time), then online again after the reconnect.
        var states = presence.Messages.Select(m => (State(m.Payload), m.Retained)).ToList();
        Assert.Equal([(AvailabilityState.Online, true), (AvailabilityState.Offline, false), (AvailabilityState.Online, false)], states);
        Assert.Equal(1, h.Bus.Reconnects);
        Assert.Single(h.Driver.Calls);
        Assert.Equal(InjectedFault.Disconnect, Assert.Single(await h.ExecutionsAsync()).Fault);
        Assert.NotNull(online);
    }

    [Fact]
    public async Task DropConnection_WithDropper_DropsAndReconnects()
    {
        await using var h = await HostHarness.StartAsync();

        Assert.True(await h.Host.DropConnectionAsync());
        Assert.Equal(1, h.Bus.Reconnects);
    }

    [Fact]
    public async Task Execute_DisconnectFaultWithoutDropper_RunsNormallyWithoutMarkingAFault()
    {
        await using var h = await HostHarness.StartAsync(faults: new ScriptedFaultInjector().With("c1", InjectedFault.Disconnect), dropper: false);

        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(Id);
        h.Driver.Complete(Id, Results);
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);

        Assert.False(await h.Host.DropConnectionAsync());
        Assert.Equal(0, h.Bus.Reconnects);
        Assert.Null(Assert.Single(await h.ExecutionsAsync()).Fault);
    }

    private static AvailabilityState State(ReadOnlyMemory<byte> payload) =>
        ProtocolReader.TryReadAvailability(payload.Span, out var availability, out var error) ? availability!.State : throw new InvalidOperationException(error);
}
