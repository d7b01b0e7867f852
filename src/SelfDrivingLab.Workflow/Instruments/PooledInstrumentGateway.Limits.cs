using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>Announced parameter limits: an instrument is leased only for commands its limits admit.</summary>
public sealed partial class PooledInstrumentGateway
{
    /// <inheritdoc />
    /// <remarks>
    /// An instrument whose announced limits (min/max, type, step, choices, required and unknown parameters; see
    /// <see cref="ParameterLimits"/>) the parameters break is never leased for them; among those that admit them the
    /// usual order applies.
    /// </remarks>
    public ValueTask<InstrumentLease> AcquireAsync(InstrumentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var waiter = new Waiter(request.Capability, request.Only)
        {
            Priority = request.Priority, Excluded = request.Excluded, Parameters = request.Parameters, Site = request.Site,
        };
        return request.Excluded is { } excluded && !_directory.Snapshot().Any(waiter.CanUse)
            ? throw new NoInstrumentAvailableException($"no online instrument other than '{excluded.Instrument}' offers the capability '{request.Capability}'")
            : AcquireAsync(waiter, cancellationToken);
    }

    /// <summary>Null unless instruments offering the capability are online and every one refuses the waiter's parameters; then why.</summary>
    private string? RefusedByAll(Waiter waiter)
    {
        if (waiter.Parameters is null)
        {
            return null;
        }

        var offering = _directory.Snapshot().Where(waiter.CanUse).Select(i => (i.Topics.Instrument, Violation: waiter.Admits(i))).ToList();
        return offering.Count == 0 || offering.Any(o => o.Violation is null)
            ? null
            : $"not sent: no online instrument offering '{waiter.Capability}' accepts the parameters ({string.Join("; ", offering.Select(o => $"{o.Instrument}: {o.Violation}"))})";
    }
}
