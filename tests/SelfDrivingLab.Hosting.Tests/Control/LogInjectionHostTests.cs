using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Protocol.Topics;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Tests.Control;

/// <summary>Text that came off the wire (operator fields, malformed payloads, topics) reaches the log escaped.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class LogInjectionHostTests : IDisposable
{
    private const string ForgingOperator = "alice\nWARN: forged line\r\u2028";
    private const string TerminalReason = "\u001b]0;pwned\u0007 \u001b[2J \u009b31m nul\u0000 \u202Eevil";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(10);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Host_HostileOperatorFieldsAndMalformedPayloads_LoggedWithEveryControlCharacterEscaped()
    {
        var definition = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var ledgerPath = _dir.File("ledger.db");
        var started = new FirstResultObserver();
        using var host = CampaignHost.Build(new CampaignHostSettings(definition) { LedgerPath = ledgerPath, LogLevel = LogLevel.Information }, started);
        using var logs = new RecordingLogger();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        await host.StartAsync().WaitAsync(Bound);
        await started.FirstResult.WaitAsync(Bound);
        var endpoint = ControlEndpoint.Read(ledgerPath);
        Assert.True((await SendAsync(endpoint, ControlAction.Pause, definition.Name, TerminalReason)).Ok);
        // Hostile payloads from identities allowed to publish there (an operator, and printer-1's own credentials).
        var factory = host.Services.GetRequiredService<IMessageBusFactory>();
        var raw = Encoding.UTF8.GetBytes("{\"request_id\":\"x\nERROR forged\u001b[2J\u0085\u2029");
        await using (var attacker = await factory.ConnectAsync(new MessageBusConnectionOptions("attacker-operator", Identity: "operator")))
        {
            await attacker.PublishAsync(new OutboundMessage(new ControlTopics(definition.Site).RequestFrom("operator"), raw));
        }

        await using (var attacker = await factory.ConnectAsync(new MessageBusConnectionOptions("attacker-printer", Identity: "printer-1")))
        {
            var printer = new InstrumentTopics(definition.Site, new InstrumentId("printer-1"));
            await attacker.PublishAsync(new OutboundMessage(printer.Event, raw));
            await attacker.PublishAsync(new OutboundMessage(printer.Capabilities, raw));
        }

        var aborted = await SendAsync(endpoint, ControlAction.Abort, definition.Name, TerminalReason);
        Assert.True(aborted.Ok, aborted.Message);
        await WhenCancelledAsync(stopping).WaitAsync(Bound);
        await host.StopAsync().WaitAsync(Bound);

        var entries = logs.Entries;
        Assert.All(entries, e => Assert.False(e.Message.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E'), $"unescaped: {e.Message}"));
        // The self-declared operator field never reaches the log: the request is by the authenticated identity.
        Assert.Contains(entries, e => e.EventId.Id == 801 && e.Message.Contains("by operator:", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Message.Contains("forged line", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventId.Id == 700 && e.Message.Contains(@"\u001B]0;pwned\u0007 \u001B[2J \u009B31m nul\u0000 \u202Eevil", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventId.Id == 802);
        Assert.Contains(entries, e => e.EventId.Id == 100 && e.Message.Contains("printer-1/event", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventId.Id == 200 && e.Message.Contains("printer-1/capabilities", StringComparison.Ordinal));
    }

    private static Task<ControlResponse> SendAsync(ControlEndpoint endpoint, ControlAction action, string target, string reason) =>
        ControlClient.SendAsync(endpoint, new ControlRequest($"t-{Guid.NewGuid():N}", action, ForgingOperator, target, reason), Answer, TimeProvider.System);

    private static Task WhenCancelledAsync(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }

    private sealed class FirstResultObserver : ICampaignObserver
    {
        private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task FirstResult => _first.Task;

        public void OnExperimentFinished(CampaignProgress progress) => _first.TrySetResult();
    }
}
