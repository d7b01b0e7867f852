using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>
/// Builds each instrument's last known status from the ledger's instrument-level events and its commands. Stateless and
/// thread-safe.
/// </summary>
internal static class InstrumentViews
{
    public static IReadOnlyList<InstrumentView> Of(
        IReadOnlyList<InstrumentStatusRecord> statuses,
        IReadOnlyList<CommandRecord> commands,
        IReadOnlyDictionary<string, CommandView> inFlight)
    {
        var lastStatus = statuses.GroupBy(s => s.Instrument.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var commandCounts = commands.GroupBy(c => c.Instrument.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return lastStatus.Keys
            .Concat(commandCounts.Keys)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id =>
            {
                lastStatus.TryGetValue(id, out var status);
                return new InstrumentView(
                    id,
                    status?.Site.Value,
                    status is null ? "no status recorded" : Word(status.Kind),
                    status?.At,
                    status?.Actor,
                    status?.Detail,
                    commandCounts.GetValueOrDefault(id),
                    inFlight.GetValueOrDefault(id));
            })
            .ToList();
    }

    private static string Word(InstrumentStatusKind kind) => kind switch
    {
        InstrumentStatusKind.Quarantined => "quarantined",
        InstrumentStatusKind.ReturnedToService => "in service",
        InstrumentStatusKind.Admitted => "admitted",
        InstrumentStatusKind.NotAdmitted => "not admitted",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
