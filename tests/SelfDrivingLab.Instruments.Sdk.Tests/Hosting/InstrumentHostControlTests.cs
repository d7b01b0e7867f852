using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Hosting;

public sealed class InstrumentHostControlTests
{
    [Fact]
    public async Task Abort_WhileRunning_CancelsDriverAndPublishesAborted()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);

        await h.SendAsync(h.Control(CommandType.Abort, "c1"));
        var aborted = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Aborted);

        Assert.Equal(id, aborted.CommandId);
        Assert.Equal([id], h.Driver.Cancelled);
        Assert.Equal(0, h.Host.RunningCommands);
        Assert.Equal(InstrumentEventKind.Aborted, Assert.Single(await h.ExecutionsAsync()).Outcome);
    }

    [Fact]
    public async Task Abort_AfterCompletion_RepeatsFinalEventAndDoesNotCancel()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);
        h.Driver.Complete(id, new ParameterSet([new("phase", "alpha")]));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);

        await h.SendAsync(h.Control(CommandType.Abort, "c1"));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed, count: 2);

        Assert.Empty(h.Driver.Cancelled);
        Assert.DoesNotContain(h.Recorder.Events, e => e.Kind == InstrumentEventKind.Aborted);
    }

    [Fact]
    public async Task Status_UnknownCommandId_PublishesUnknown()
    {
        await using var h = await HostHarness.StartAsync();

        await h.SendAsync(h.Control(CommandType.Status, "never-sent"));
        var answer = await h.Recorder.WaitForEventAsync(_ => true);

        Assert.Equal(InstrumentEventKind.Unknown, answer.Kind);
        Assert.Equal(new CommandId("never-sent"), answer.CommandId);
    }

    [Fact]
    public async Task Status_WhileRunningAndAfterCompletion_RepeatsLatestEvent()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);

        await h.SendAsync(h.Control(CommandType.Status, "c1"));
        var running = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Progress, count: 2);
        h.Driver.Complete(id, new ParameterSet([new("phase", "alpha")]));
        var completed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);
        await h.SendAsync(h.Control(CommandType.Status, "c1"));
        var repeated = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed, count: 2);

        Assert.Equal(0.5, running.Progress);
        Assert.Equal(completed, repeated);
        Assert.Single(h.Driver.Calls);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"execute\",\"command_id\":\"c1\",\"issued_at\":\"2026-03-01T09:00:00+00:00\"}")]
    [InlineData("{\"type\":\"launch\",\"command_id\":\"c1\",\"issued_at\":\"2026-03-01T09:00:00+00:00\"}")]
    [InlineData("")]
    public async Task InvalidPayload_IsDroppedWithoutEventAndCounted(string payload)
    {
        await using var h = await HostHarness.StartAsync();

        await h.SendRawAsync(Encoding.UTF8.GetBytes(payload));

        // Commands are handled in order: once the status answer arrives, the bad payload was handled.
        await h.SendAsync(h.Control(CommandType.Status, "probe"));
        var only = await h.Recorder.WaitForEventAsync(_ => true);
        Assert.Equal(new CommandId("probe"), only.CommandId);
        Assert.Single(h.Recorder.Events);
        Assert.Empty(h.Driver.Calls);
        Assert.Equal(1, h.Counters.Total("sdl.instrument.commands.invalid", "instrument", "furnace1"));
    }

    [Fact]
    public async Task Stop_WhileRunning_CancelsDriverAndPublishesFailedInterrupted()
    {
        var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);

        await h.Host.StopAsync();
        var failed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Failed);
        await h.DisposeAsync();

        Assert.Equal("interrupted", failed.Error);
        Assert.Equal([id], h.Driver.Cancelled);
    }
}
