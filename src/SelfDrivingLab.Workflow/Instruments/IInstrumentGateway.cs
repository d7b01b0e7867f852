using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>How the workflow reaches instruments: lease one by capability, send it a command, abort it. Thread-safe.</summary>
public interface IInstrumentGateway
{
    /// <summary>
    /// Waits for a free channel of an online instrument offering <paramref name="capability"/>.
    /// Throws <see cref="NoInstrumentAvailableException"/> when no online instrument offers it within the gateway's wait limit.
    /// </summary>
    ValueTask<InstrumentLease> AcquireAsync(string capability, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for a free channel of one particular instrument (to reconcile a command it was sent
    /// before a restart). Throws <see cref="NoInstrumentAvailableException"/> when it is not online
    /// with <paramref name="capability"/> within the gateway's wait limit.
    /// </summary>
    ValueTask<InstrumentLease> AcquireInstrumentAsync(SiteId site, InstrumentId instrument, string capability, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="AcquireAsync(string, CancellationToken)"/>, for a step of a campaign with
    /// <paramref name="priority"/>: a gateway that orders its waiters serves higher priorities first
    /// (and ages waiting requests so none starves). The default implementation ignores the priority.
    /// </summary>
    ValueTask<InstrumentLease> AcquireAsync(string capability, int priority, CancellationToken cancellationToken = default) =>
        AcquireAsync(capability, cancellationToken);

    /// <summary>
    /// Waits for a free channel of an online instrument offering <paramref name="capability"/> other than
    /// <paramref name="excluded"/> at <paramref name="site"/> (a step's <c>retry_elsewhere</c>). Throws
    /// <see cref="NoInstrumentAvailableException"/> at once when no such instrument is online. The default
    /// implementation knows no other instrument and always throws.
    /// </summary>
    ValueTask<InstrumentLease> AcquireOtherAsync(SiteId site, InstrumentId excluded, string capability, CancellationToken cancellationToken = default) =>
        throw new NoInstrumentAvailableException($"no online instrument other than '{excluded}' offers the capability '{capability}'");

    /// <summary>
    /// Leases a channel for a command with <see cref="InstrumentRequest.Parameters"/>: only instruments whose announced
    /// limits admit the parameters are considered (chosen among them as usual). Throws
    /// <see cref="InstrumentLimitsException"/> at once when instruments offering the capability are online but none
    /// admits them, and <see cref="NoInstrumentAvailableException"/> as the other acquire methods do. The default
    /// implementation knows no limits and forwards to them.
    /// </summary>
    ValueTask<InstrumentLease> AcquireAsync(InstrumentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request switch
        {
            { Only: { } only } => AcquireInstrumentAsync(only.Site, only.Instrument, request.Capability, cancellationToken),
            { Excluded: { } excluded } => AcquireOtherAsync(excluded.Site, excluded.Instrument, request.Capability, cancellationToken),
            _ => AcquireAsync(request.Capability, request.Priority, cancellationToken),
        };
    }

    /// <summary>Sends <paramref name="command"/> on <paramref name="lease"/> and waits for its final event or its deadline; every event received goes to <paramref name="onEvent"/>.</summary>
    Task<StepCommandResult> ExecuteAsync(
        InstrumentLease lease,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask> onEvent,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ExecuteAsync"/>, for a command that was sent once before the orchestrator restarted: it is sent
    /// again under its id only when that cannot run it twice, otherwise the instrument is asked its status (an
    /// instrument that does not know it fails the command as <c>lost</c>). The default implementation sends it again.
    /// </summary>
    Task<StepCommandResult> ReconcileAsync(
        InstrumentLease lease,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask> onEvent,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(lease, command, onEvent, cancellationToken);

    /// <summary>Asks the instrument to abort <paramref name="commandId"/> (best effort; the instrument deduplicates).</summary>
    Task AbortAsync(InstrumentLease lease, CommandId commandId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the instrument to abort <paramref name="commandId"/> and waits, at most <paramref name="confirmWithin"/>, for
    /// its answer (the command's final event, or <c>unknown</c>); true when it answered, so nothing of the command runs any more.
    /// </summary>
    Task<bool> AbortAndConfirmAsync(InstrumentLease lease, CommandId commandId, TimeSpan confirmWithin, CancellationToken cancellationToken = default);
}
