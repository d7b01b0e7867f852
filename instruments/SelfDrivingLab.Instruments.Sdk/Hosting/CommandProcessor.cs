using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// Decides what to do with each command (answer a duplicate, reject, accept and run, abort, report
/// status) and runs accepted actions in the background. Thread-safe: decisions are serialized so
/// deduplication and channel counting cannot race.
/// </summary>
internal sealed partial class CommandProcessor : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<CommandId, CommandRun> _running = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly InstrumentId _instrument;
    private readonly InstrumentCapabilities _capabilities;
    private readonly IInstrumentDriver _driver;
    private readonly ICommandJournal _journal;
    private readonly IExecutionLog? _executionLog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly InstrumentMetrics _metrics;
    private readonly Func<InstrumentEvent, CancellationToken, ValueTask> _publish;
    private readonly IFaultInjector? _faults;
    private readonly Func<CancellationToken, ValueTask<bool>>? _dropConnection;

    public CommandProcessor(
        InstrumentCapabilities capabilities,
        IInstrumentDriver driver,
        ICommandJournal journal,
        IExecutionLog? executionLog,
        TimeProvider time,
        ILogger logger,
        InstrumentMetrics metrics,
        Func<InstrumentEvent, CancellationToken, ValueTask> publish,
        IFaultInjector? faults = null,
        Func<CancellationToken, ValueTask<bool>>? dropConnection = null)
    {
        _faults = faults;
        _dropConnection = dropConnection;
        _instrument = capabilities.Instrument;
        _capabilities = capabilities;
        _driver = driver;
        _journal = journal;
        _executionLog = executionLog;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _publish = publish;
    }

    /// <summary>Commands whose driver call is still running.</summary>
    public int RunningCount => _running.Count;

    public async ValueTask HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (!ProtocolReader.TryReadCommand(message.Payload.Span, out var command, out var error))
        {
            // Without a readable command id there is nobody to answer: log, count, drop.
            Log.InvalidCommand(_logger, _instrument, LogText.Escape(message.Topic), LogText.Escape(error));
            _metrics.InvalidCommand();
            return;
        }

        switch (command!.Type)
        {
            case CommandType.Execute:
                await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
                break;
            case CommandType.Abort:
                await AbortAsync(command.CommandId, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await ReportStatusAsync(command.CommandId, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Cancels every running action and waits for their final events.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running.Values.Select(r => r.Completion)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _gate.Dispose();
    }

    private async ValueTask ExecuteAsync(InstrumentCommand command, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var previous = _running.TryGetValue(command.CommandId, out var active)
                ? active.Latest
                : await _journal.FindLatestAsync(command.CommandId, cancellationToken).ConfigureAwait(false);
            if (previous is not null)
            {
                // At most once: a repeated command id is answered, never executed again.
                Log.Duplicate(_logger, _instrument, command.CommandId, previous.Kind.ToString());
                await _publish(previous, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (FindRejection(command) is { } rejection)
            {
                await RejectAsync(command.CommandId, rejection.Code, rejection.Message, cancellationToken).ConfigureAwait(false);
                return;
            }

            var fault = DecideFault(command);
            if (fault.Fault is InjectedFault.Reject)
            {
                await InjectRejectionAsync(command, cancellationToken).ConfigureAwait(false);
                return;
            }

            var accepted = NewEvent(InstrumentEventKind.Accepted, command.CommandId);
            await _journal.RecordAsync(accepted, cancellationToken).ConfigureAwait(false);
            var run = new CommandRun(command, accepted, _stopping.Token) { Fault = fault };
            _running[command.CommandId] = run;
            Log.Accepted(_logger, _instrument, command.CommandId, LogText.Escape(command.Action!), LogText.Escape(command.Parameters!.ToString()));
            try
            {
                await _publish(accepted, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Journaled as accepted, so it must run even if the accepted event was not delivered:
                // a re-sent command is answered from the journal and the final event follows.
                run.Completion = Task.Run(() => RunAsync(run), CancellationToken.None);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private (string Code, string Message)? FindRejection(InstrumentCommand command)
    {
        var now = _time.GetUtcNow();
        if (command.Deadline is { } deadline && deadline <= now)
        {
            return ("deadline_passed", $"deadline {deadline:O} passed before the command arrived (now {now:O})");
        }

        var capability = _capabilities.Capabilities.FirstOrDefault(c => string.Equals(c.Name, command.Action, StringComparison.Ordinal));
        if (capability is null)
        {
            var offered = string.Join(", ", _capabilities.Capabilities.Select(c => c.Name));
            return ("unknown_action", $"action '{command.Action}' is not offered (offered: {offered})");
        }

        if (ParameterLimits.FindViolation(capability, command.Parameters!) is { } violation)
        {
            return ("limit_violation", violation);
        }

        if (_running.Count >= _capabilities.Channels)
        {
            return ("busy", $"all {_capabilities.Channels} channel(s) are running other commands");
        }

        return null;
    }

    private async ValueTask RejectAsync(CommandId commandId, string code, string message, CancellationToken cancellationToken)
    {
        var rejected = NewEvent(InstrumentEventKind.Rejected, commandId) with { Error = code, Message = message };
        Log.Rejected(_logger, _instrument, commandId, code, LogText.Escape(message));
        _metrics.Rejected(code);

        // Rejections are final too: a late duplicate must not run what was reported as refused.
        await _journal.RecordAsync(rejected, cancellationToken).ConfigureAwait(false);
        await _publish(rejected, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask AbortAsync(CommandId commandId, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(commandId, out var run))
        {
            // The run publishes the aborted event once the driver has stopped.
            Log.AbortRequested(_logger, _instrument, commandId);
            run.RequestAbort();
            return;
        }

        await ReportStatusAsync(commandId, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask ReportStatusAsync(CommandId commandId, CancellationToken cancellationToken)
    {
        var latest = _running.TryGetValue(commandId, out var run)
            ? run.Latest
            : await _journal.FindLatestAsync(commandId, cancellationToken).ConfigureAwait(false);
        var answer = latest ?? NewEvent(InstrumentEventKind.Unknown, commandId) with { Message = "command id not known to this instrument" };
        await _publish(answer, cancellationToken).ConfigureAwait(false);
    }

    private InstrumentEvent NewEvent(InstrumentEventKind kind, CommandId commandId) =>
        new(kind, commandId, _instrument, _time.GetUtcNow());
}
