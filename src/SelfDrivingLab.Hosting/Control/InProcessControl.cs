using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Protocol.Control;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>
/// Operator requests made inside the host's process (the dashboard that <c>sdl run</c> serves): the same
/// <see cref="ControlRequestHandler"/> and audit trail as requests on the control topic, with the signed-in identity as
/// the requester. Thread-safe.
/// </summary>
public sealed partial class InProcessControl
{
    private readonly ControlRequestHandler _handler;
    private readonly ControlAuditRecorder _audit;
    private readonly ILogger _logger;

    internal InProcessControl(ControlRequestHandler handler, ControlAuditRecorder audit, ILogger<InProcessControl> logger)
    {
        _handler = handler;
        _audit = audit;
        _logger = logger;
    }

    /// <summary>
    /// Carries out <paramref name="request"/> as <paramref name="identity"/> (an authenticated facility identity; it
    /// replaces the request's operator) and stores it in the audit trail before answering, as the control channel does.
    /// A request the ledger could not store is still answered, saying so.
    /// </summary>
    /// <param name="request">What to do.</param>
    /// <param name="identity">Who asks: the identity that signed in.</param>
    /// <param name="clientId">Where the request came from, stored with it (e.g. <c>dashboard</c>).</param>
    /// <param name="cancellationToken">Cancels storing the request.</param>
    public async Task<ControlResponse> SubmitAsync(ControlRequest request, string identity, string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        request = request with { Operator = identity };
        var response = _handler.Handle(request);
        try
        {
            await _audit.RecordAsync(request, response, clientId, identity, cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerException ex)
        {
            LogNotAudited(_logger, request.Action, LogText.Escape(ex.Message));
            response = response with { Message = $"{response.Message} (not stored in the ledger: {ex.Message})" };
        }

        LogHandled(_logger, request.Action, LogText.Escape(request.Target) ?? "-", LogText.Escape(identity), LogText.Escape(clientId), response.Ok, LogText.Escape(response.Message));
        return response;
    }

    [LoggerMessage(EventId = 1250, Level = LogLevel.Warning, Message = "Operator request {Action} {Target} by {Operator} from {Client}: ok={Ok} {Message}")]
    private static partial void LogHandled(ILogger logger, ControlAction action, string target, string @operator, string client, bool ok, string message);

    [LoggerMessage(EventId = 1251, Level = LogLevel.Error, Message = "Operator request {Action} could not be stored in the ledger: {Reason}")]
    private static partial void LogNotAudited(ILogger logger, ControlAction action, string reason);
}
