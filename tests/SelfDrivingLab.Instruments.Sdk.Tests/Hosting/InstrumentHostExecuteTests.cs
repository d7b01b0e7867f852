using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk.Tests.Fakes;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Hosting;

public sealed class InstrumentHostExecuteTests
{
    private static readonly ParameterSet Results = new([new("phase", "perovskite")]);

    [Fact]
    public async Task Execute_HappyPath_PublishesAcceptedProgressCompletedWithResults()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");

        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        h.Driver.Complete(id, Results);
        var completed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);

        Assert.Equal([InstrumentEventKind.Accepted, InstrumentEventKind.Progress, InstrumentEventKind.Completed], h.Recorder.Events.Select(e => e.Kind));
        Assert.All(h.Recorder.Events, e => Assert.Equal(new InstrumentId("furnace1"), e.Instrument));
        Assert.All(h.Recorder.Events, e => Assert.Equal(id, e.CommandId));
        Assert.Equal(0.5, h.Recorder.Events[1].Progress);
        Assert.Equal(Results, completed.Results);
        Assert.Equal(HostHarness.Start, h.Recorder.Events[0].At);
        Assert.Equal(HostHarness.Start.AddMinutes(5), completed.At);
        var call = Assert.Single(h.Driver.Calls);
        Assert.Equal(HostHarness.GoodParameters, call.Parameters);
        Assert.Equal(new ExperimentId("exp-1"), call.ExperimentId);
    }

    [Fact]
    public async Task Execute_DuplicateAfterCompletion_ExecutesOnceAndRepeatsFinalEvent()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);
        h.Driver.Complete(id, Results);
        var first = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);

        await h.SendAsync(h.Execute("c1"));
        var repeat = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed, count: 2);

        Assert.Equal(first, repeat);
        Assert.Single(h.Driver.Calls);
        var execution = Assert.Single(await h.ExecutionsAsync());
        Assert.Equal(id, execution.CommandId);
        Assert.Equal(InstrumentEventKind.Completed, execution.Outcome);
        Assert.Equal(HostHarness.GoodParameters, execution.Parameters);
        Assert.Equal(new ExperimentId("exp-1"), execution.Experiment);
        Assert.Equal(Results, execution.Results);
    }

    [Fact]
    public async Task Execute_DuplicateWhileRunning_RepeatsLatestEventWithoutSecondExecution()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Progress);

        await h.SendAsync(h.Execute("c1"));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Progress, count: 2);
        h.Driver.Complete(id, Results);
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);

        Assert.Single(h.Driver.Calls);
        Assert.Single(await h.ExecutionsAsync());
        Assert.DoesNotContain(h.Recorder.Events, e => e.Kind == InstrumentEventKind.Rejected);
    }

    [Theory]
    [InlineData("missing", "'temperature' is required")]
    [InlineData("unknown", "'pressure' is not accepted")]
    [InlineData("above", "'temperature' = 1200 is outside [20, 1000] °C")]
    [InlineData("below", "'temperature' = 5 is outside [20, 1000] °C")]
    [InlineData("choice", "'atmosphere' = 'helium' is not one of [air, argon]")]
    [InlineData("text-for-number", "'temperature' must be a number")]
    [InlineData("number-for-text", "'atmosphere' must be one of [air, argon], not the number 3")]
    [InlineData("number-for-free-text", "'label' must be text, not the number 3")]
    [InlineData("fraction-for-integer", "'passes' = 2.5 is not a whole number")]
    [InlineData("off-the-step-grid", "'passes' = 4 is not on the grid 1 + k × 2")]
    public async Task Execute_ParametersBreakLimits_RejectsLimitViolationWithoutCallingDriver(string breach, string expected)
    {
        ParameterSet parameters = breach switch
        {
            "missing" => new([new("atmosphere", "air")]),
            "unknown" => HostHarness.GoodParameters.With("pressure", 2.0),
            "above" => HostHarness.GoodParameters.With("temperature", 1200.0),
            "below" => HostHarness.GoodParameters.With("temperature", 5.0),
            "choice" => HostHarness.GoodParameters.With("atmosphere", "helium"),
            "text-for-number" => HostHarness.GoodParameters.With("temperature", "hot"),
            "number-for-free-text" => HostHarness.GoodParameters.With("label", 3.0),
            "fraction-for-integer" => HostHarness.GoodParameters.With("passes", 2.5),
            "off-the-step-grid" => HostHarness.GoodParameters.With("passes", 4.0),
            _ => HostHarness.GoodParameters.With("atmosphere", 3.0),
        };
        await using var h = await HostHarness.StartAsync();

        await h.SendAsync(h.Execute("c1", parameters));
        var rejected = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);

        Assert.Equal("limit_violation", rejected.Error);
        Assert.Contains(expected, rejected.Message, StringComparison.Ordinal);
        Assert.Empty(h.Driver.Calls);
        Assert.Empty(await h.ExecutionsAsync());
        Assert.Equal(1, h.Counters.Total("sdl.instrument.commands.rejected", "error", "limit_violation"));
    }

    [Fact]
    public async Task Receive_MalformedBytesAndHostileText_LoggedWithControlCharactersEscaped()
    {
        await using var h = await HostHarness.StartAsync();

        await h.SendRawAsync(System.Text.Encoding.UTF8.GetBytes("{\"type\":\"execute\nERROR forged\u001b[2J\u0085"));
        await h.SendAsync(h.Execute("c1", HostHarness.GoodParameters.With("note\r\nINFO forged \u001b]0;x\u0007", "text")));
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);

        Assert.All(h.Logs.Entries, e => Assert.DoesNotContain(e.Message, char.IsControl));
        Assert.Contains(h.Logs.Entries, e => e.EventId.Id == 1002);
        Assert.Contains(h.Logs.Entries, e => e.EventId.Id == 1004 && e.Message.Contains(@"parameter 'note\r\nINFO forged \u001B]0;x\u0007' is not accepted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_FreeTextAndAnIntegerOnTheStepGrid_AreAccepted()
    {
        await using var h = await HostHarness.StartAsync();

        await h.SendAsync(h.Execute("c1", HostHarness.GoodParameters.With("label", "batch 7, any text").With("passes", 5.0)));

        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Progress);
        Assert.Equal("batch 7, any text", Assert.Single(h.Driver.Calls).Parameters["label"].Text);
    }

    [Fact]
    public async Task Execute_OptionalParameterWithinLimits_IsAccepted()
    {
        await using var h = await HostHarness.StartAsync();

        await h.SendAsync(h.Execute("c1", HostHarness.GoodParameters.With("minutes", 30.0)));

        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Progress);
        Assert.Equal(InstrumentEventKind.Accepted, h.Recorder.Events[0].Kind);
        Assert.Equal(30.0, Assert.Single(h.Driver.Calls).Parameters.GetNumber("minutes"));
    }

    [Fact]
    public async Task Execute_DeadlineAlreadyPassed_RejectsDeadlinePassed()
    {
        await using var h = await HostHarness.StartAsync();
        var command = h.Execute("c1") with { IssuedAt = HostHarness.Start.AddMinutes(-10), Deadline = HostHarness.Start.AddMinutes(-1) };

        await h.SendAsync(command);
        var rejected = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);

        Assert.Equal("deadline_passed", rejected.Error);
        Assert.Empty(h.Driver.Calls);
    }

    [Fact]
    public async Task Execute_UnknownAction_RejectsUnknownActionNamingTheOfferedOnes()
    {
        await using var h = await HostHarness.StartAsync();

        await h.SendAsync(h.Execute("c1", action: "quench"));
        var rejected = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);

        Assert.Equal("unknown_action", rejected.Error);
        Assert.Contains("'quench'", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("anneal", rejected.Message, StringComparison.Ordinal);
        Assert.Empty(h.Driver.Calls);
    }

    [Fact]
    public async Task Execute_AllChannelsBusy_RejectsBusyAndRemembersTheRejection()
    {
        await using var h = await HostHarness.StartAsync(channels: 1);
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(new CommandId("c1"));

        await h.SendAsync(h.Execute("c2"));
        var busy = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected);
        h.Driver.Complete(new CommandId("c1"), Results);
        await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Completed);
        await h.SendAsync(h.Execute("c2"));
        var repeated = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Rejected, count: 2);

        Assert.Equal("busy", busy.Error);
        Assert.Equal(new CommandId("c2"), busy.CommandId);
        Assert.Equal(busy, repeated);
        Assert.Single(h.Driver.Calls);
        Assert.Equal(1, h.Counters.Total("sdl.instrument.commands.rejected", "error", "busy"));
    }

    [Fact]
    public async Task Execute_TwoChannels_RunsTwoCommandsAtOnce()
    {
        await using var h = await HostHarness.StartAsync(channels: 2);

        await h.SendAsync(h.Execute("c1"));
        await h.SendAsync(h.Execute("c2"));
        await h.Driver.WhenStartedAsync(new CommandId("c1"));
        await h.Driver.WhenStartedAsync(new CommandId("c2"));

        Assert.Equal(2, h.Host.RunningCommands);
        Assert.DoesNotContain(h.Recorder.Events, e => e.Kind == InstrumentEventKind.Rejected);
    }

    [Fact]
    public async Task Execute_DriverThrowsActionException_PublishesFailedWithItsCode()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);

        h.Driver.Fail(id, new InstrumentActionException("thermocouple_open", "thermocouple reads open circuit"));
        var failed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Failed);

        Assert.Equal("thermocouple_open", failed.Error);
        Assert.Equal("thermocouple reads open circuit", failed.Message);
        var execution = Assert.Single(await h.ExecutionsAsync());
        Assert.Equal(InstrumentEventKind.Failed, execution.Outcome);
        Assert.Equal("thermocouple_open", execution.Error);
    }

    [Fact]
    public async Task Execute_DriverThrowsOtherException_PublishesDriverError()
    {
        await using var h = await HostHarness.StartAsync();
        var id = new CommandId("c1");
        await h.SendAsync(h.Execute("c1"));
        await h.Driver.WhenStartedAsync(id);

        h.Driver.Fail(id, new InvalidOperationException("serial port closed"));
        var failed = await h.Recorder.WaitForEventAsync(e => e.Kind == InstrumentEventKind.Failed);

        Assert.Equal("driver_error", failed.Error);
        Assert.Contains("serial port closed", failed.Message, StringComparison.Ordinal);
    }
}
