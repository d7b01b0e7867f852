using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>Writes and reads the instrument-level event table (schema version 2; its kinds are words, see <see cref="KindWord"/>).</summary>
internal static class LedgerInstrumentStatus
{
    private static readonly (InstrumentStatusKind Kind, string Word)[] Words =
    [
        (InstrumentStatusKind.Quarantined, "quarantined"),
        (InstrumentStatusKind.ReturnedToService, "returned_to_service"),
        (InstrumentStatusKind.Admitted, "admitted"),
        (InstrumentStatusKind.NotAdmitted, "not_admitted"),
    ];

    /// <summary>The word stored for <paramref name="kind"/>; throws <see cref="LedgerException"/> for a value outside the enum.</summary>
    public static string KindWord(InstrumentStatusKind kind) =>
        Words.FirstOrDefault(w => w.Kind == kind).Word ?? throw new LedgerException($"Instrument event kind {(int)kind} is not one of {string.Join(", ", Words.Select(w => w.Word))}.");

    public static async Task RecordAsync(SqliteConnection c, SqliteTransaction tx, InstrumentStatusRecord s, CancellationToken ct)
    {
        var word = KindWord(s.Kind);
        if (string.IsNullOrWhiteSpace(s.Actor))
        {
            throw new LedgerException($"The {word} event of instrument '{s.Site}/{s.Instrument}' names no actor.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO instrument_status (site, instrument, kind, at, at_ticks, actor, detail) VALUES ($site, $instrument, $kind, $at, $ticks, $actor, $detail)",
            ct,
            ("$site", s.Site.Value),
            ("$instrument", s.Instrument.Value),
            ("$kind", word),
            ("$at", LedgerValues.FormatTime(s.At)),
            ("$ticks", s.At.UtcTicks),
            ("$actor", s.Actor),
            ("$detail", s.Detail)).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<InstrumentStatusRecord>> GetAllAsync(SqliteConnection c, CancellationToken ct)
    {
        if (!await LedgerSchema.HasInstrumentStatusAsync(c, ct).ConfigureAwait(false))
        {
            return [];
        }

        return await c.QueryAsync(
            null,
            "SELECT site, instrument, kind, at, actor, detail FROM instrument_status ORDER BY at_ticks, id",
            r => new InstrumentStatusRecord(
                new SiteId(r.GetString(0)), new InstrumentId(r.GetString(1)), ParseKind(r.GetString(2)), LedgerValues.ParseTime(r.GetString(3)), r.GetString(4), r.GetString(5)),
            ct).ConfigureAwait(false);
    }

    public static InstrumentStatusKind ParseKind(string word) =>
        Words.FirstOrDefault(w => w.Word == word) is { Word: not null } found
            ? found.Kind
            : throw new LedgerException($"The ledger holds an instrument event of unknown kind '{word}' (written by a newer version?).");
}
