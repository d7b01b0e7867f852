using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>
/// Answers operators on the site's control topic (pause, resume, abort, approve, reject,
/// return-to-service, status) and advertises where it listens in the endpoint file next to the
/// ledger. Every readable request but a status query is stored in the ledger's audit trail, accepted or refused, before
/// it is answered. Unreadable payloads are logged and counted (<c>sdl.control.rejected</c>) but not stored, so a flood of
/// garbage cannot grow the ledger; nothing else happens.
/// </summary>
internal sealed partial class ControlChannelService : IHostedService, IAsyncDisposable
{
    private readonly IMessageBusFactory _factory;
    private readonly ControlRequestHandler _handler;
    private readonly ControlAuditRecorder? _audit;
    private readonly Func<ControlEndpoint> _endpoint;
    private readonly string _ledgerPath;
    private readonly string _clientId;
    private readonly ILogger<ControlChannelService> _logger;
    private readonly Counter<long> _rejected;
    private static readonly TimeSpan StopWaitsForAnswers = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private IMessageBusConnection? _connection;
    private ControlTopics? _topics;
    private ControlEndpoint? _written;
    private int _handling;
    private bool _stopping;
    private TaskCompletionSource? _answered;

    public ControlChannelService(
        IMessageBusFactory factory,
        ControlRequestHandler handler,
        Func<ControlEndpoint> endpoint,
        string ledgerPath,
        string clientId,
        IMeterFactory meters,
        ILogger<ControlChannelService> logger,
        ControlAuditRecorder? audit = null)
    {
        _factory = factory;
        _handler = handler;
        _audit = audit;
        _endpoint = endpoint;
        _ledgerPath = ledgerPath;
        _clientId = clientId;
        _logger = logger;
        _rejected = meters.Create(new MeterOptions(SdlTelemetry.Name)).CreateCounter<long>("sdl.control.rejected", description: "Control requests refused as malformed");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var endpoint = _endpoint();
        _topics = new ControlTopics(endpoint.SiteId);
        _connection = await _factory.ConnectAsync(new MessageBusConnectionOptions(_clientId), cancellationToken).ConfigureAwait(false);
        await _connection.SubscribeAsync(_topics.RequestFilter, HandleAsync, cancellationToken).ConfigureAwait(false);
        endpoint.Write(_ledgerPath);
        _written = endpoint;
        LogListening(_logger, _topics.RequestFilter, endpoint.Host, endpoint.Port);
    }

    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _connection, null) is not { } connection)
        {
            return;
        }

        // A request being handled is answered before the connection goes: an abort ends the campaign, and with it the host,
        // typically before its own answer was stored and sent. New requests are no longer taken.
        Task answered;
        lock (_gate)
        {
            _stopping = true;
            answered = _handling == 0 ? Task.CompletedTask : (_answered = new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        try
        {
            await answered.WaitAsync(StopWaitsForAnswers, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Stopping wins over a request whose answer is stuck (e.g. the ledger or the broker is gone).
        }

        // The endpoint file, and the run's own operator credentials and broker certificate (written next to the ledger for
        // an embedded broker): nothing that outlives the run can let anyone into a later one.
        var ledger = Path.GetFullPath(_ledgerPath);
        foreach (var file in new[] { ControlEndpoint.FileFor(_ledgerPath), _written?.CredentialsFile, _written?.CaFile })
        {
            if (file is not null && Path.GetFullPath(file).StartsWith(ledger, StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // Best effort: a stale endpoint points at a broker nobody answers on, and stale credentials at one that is gone.
                }
            }
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var connection = Volatile.Read(ref _connection);
        lock (_gate)
        {
            if (_stopping || connection is null)
            {
                return;
            }

            _handling++;
        }

        try
        {
            // Not cancelled by the host's stop: a request taken is stored and answered (stop waits for it, bounded).
            await AnswerAsync(message, connection, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (--_handling == 0)
                {
                    _answered?.TrySetResult();
                }
            }
        }
    }

    private async ValueTask AnswerAsync(InboundMessage message, IMessageBusConnection connection, CancellationToken cancellationToken)
    {
        if (message.Retained)
        {
            // A retained request would be replayed to every restarted host: never act on one.
            Reject("retained request");
            return;
        }

        if (!ControlReader.TryReadRequest(message.Payload.Span, out var request, out var error))
        {
            Reject(error);
            return;
        }

        // The broker lets an identity publish only on its own request topic, so the topic names the authenticated sender:
        // it, not the self-declared operator field, is who asked.
        if (_topics?.RequesterOf(message.Topic) is not { } requester)
        {
            Reject($"request on '{message.Topic}', which names no identity");
            return;
        }

        request = request! with { Operator = requester };
        var response = _handler.Handle(request);
        if (_audit is not null)
        {
            try
            {
                // Stored before it is answered: an acknowledged request is in the audit trail, an acknowledged pause survives a restart.
                await _audit.RecordAsync(request, response, clientId: null, identity: requester, cancellationToken).ConfigureAwait(false);
            }
            catch (LedgerException ex)
            {
                LogNotAudited(_logger, request.Action, LogText.Escape(ex.Message));
                response = response with { Message = $"{response.Message} (not stored in the ledger: {ex.Message})" };
            }
        }

        LogHandled(_logger, request!.Action, LogText.Escape(request.Target) ?? "-", LogText.Escape(request.Operator), response.Ok, LogText.Escape(response.Message));
        if (_topics is { } topics)
        {
            await connection.PublishAsync(new OutboundMessage(topics.Response(request.RequestId), ProtocolJson.Serialize(response)), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Reject(string reason)
    {
        _rejected.Add(1);
        LogRejected(_logger, LogText.Escape(reason));
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Operator control on {Topic} (broker {Host}:{Port})")]
    private static partial void LogListening(ILogger logger, string topic, string host, int port);

    [LoggerMessage(EventId = 801, Level = LogLevel.Warning, Message = "Operator request {Action} {Target} by {Operator}: ok={Ok} {Message}")]
    private static partial void LogHandled(ILogger logger, ControlAction action, string target, string @operator, bool ok, string message);

    [LoggerMessage(EventId = 803, Level = LogLevel.Error, Message = "Operator request {Action} could not be stored in the ledger: {Reason}")]
    private static partial void LogNotAudited(ILogger logger, ControlAction action, string reason);

    [LoggerMessage(EventId = 802, Level = LogLevel.Warning, Message = "Control request refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
