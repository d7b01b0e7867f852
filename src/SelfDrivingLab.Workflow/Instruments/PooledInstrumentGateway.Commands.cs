using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>Sending commands on a lease: execute, reconcile after a restart, abort; every outcome counts toward quarantine.</summary>
public sealed partial class PooledInstrumentGateway
{
    /// <inheritdoc />
    public async Task<StepCommandResult> ExecuteAsync(
        InstrumentLease lease,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask> onEvent,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var outcome = await _client.ExecuteAsync(new InstrumentTopics(lease.Site, lease.Instrument), command, onEvent, cancellationToken).ConfigureAwait(false);
        return await ToStepResultAsync(lease, outcome).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Whether the execute may be sent again is decided by the command client from the instrument's announced capabilities.</remarks>
    public async Task<StepCommandResult> ReconcileAsync(
        InstrumentLease lease,
        InstrumentCommand command,
        Func<InstrumentEvent, CancellationToken, ValueTask> onEvent,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var outcome = await _client.ReattachAsync(new InstrumentTopics(lease.Site, lease.Instrument), command, onEvent, cancellationToken).ConfigureAwait(false);
        return await ToStepResultAsync(lease, outcome).ConfigureAwait(false);
    }

    private async Task<StepCommandResult> ToStepResultAsync(InstrumentLease lease, CommandOutcome outcome)
    {
        var status = outcome.Kind switch
        {
            CommandOutcomeKind.Completed => StepCommandStatus.Completed,
            CommandOutcomeKind.Failed => StepCommandStatus.Failed,
            CommandOutcomeKind.Rejected => StepCommandStatus.Rejected,
            CommandOutcomeKind.Aborted => StepCommandStatus.Aborted,
            _ => StepCommandStatus.TimedOut,
        };
        if (_quarantine.RecordOutcome(lease.Site, lease.Instrument, status, outcome.Error, _time.GetUtcNow()) is { } quarantined)
        {
            await OnQuarantinedAsync(quarantined).ConfigureAwait(false);
        }

        return new StepCommandResult(status, outcome.Results, outcome.Error, outcome.Message);
    }

    /// <inheritdoc />
    public Task AbortAsync(InstrumentLease lease, CommandId commandId, CancellationToken cancellationToken = default) =>
        _client.SendAbortAsync(new InstrumentTopics(lease.Site, lease.Instrument), commandId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> AbortAndConfirmAsync(InstrumentLease lease, CommandId commandId, TimeSpan confirmWithin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await _client.AbortAsync(new InstrumentTopics(lease.Site, lease.Instrument), commandId, confirmWithin, cancellationToken).ConfigureAwait(false) is not null;
    }
}
