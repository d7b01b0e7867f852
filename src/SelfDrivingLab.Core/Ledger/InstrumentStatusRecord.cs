using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>
/// An instrument-level event: quarantined, returned to service by an operator, admitted by an operator, or refused
/// admission. Immutable.
/// </summary>
/// <param name="Site">The instrument's site.</param>
/// <param name="Instrument">The instrument.</param>
/// <param name="Kind">What happened.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it: <c>orchestrator</c> for a quarantine or a refused admission, the operator's name otherwise.</param>
/// <param name="Detail">
/// Why (e.g. the last errors of the failures that tripped the quarantine); for <see cref="InstrumentStatusKind.Admitted"/>
/// the admitted capabilities, comma-separated (<see cref="AdmittedCapabilities"/>).
/// </param>
public sealed record InstrumentStatusRecord(SiteId Site, InstrumentId Instrument, InstrumentStatusKind Kind, DateTimeOffset At, string Actor, string Detail)
{
    /// <summary>The detail of an <see cref="InstrumentStatusKind.Admitted"/> event for <paramref name="capabilities"/>.</summary>
    public static string DescribeCapabilities(IEnumerable<string> capabilities) =>
        string.Join(",", capabilities.Order(StringComparer.Ordinal));

    /// <summary>The capabilities an <see cref="InstrumentStatusKind.Admitted"/> event admitted (empty for other kinds).</summary>
    public IReadOnlyList<string> AdmittedCapabilities =>
        Kind == InstrumentStatusKind.Admitted ? Detail.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
}
