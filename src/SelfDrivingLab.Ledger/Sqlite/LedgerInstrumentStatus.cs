using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>Writes and reads the instrument-level event table (schema version 2).</summary>
internal static class LedgerInstrumentStatus
{
    public static async Task RecordAsync(SqliteConnection c, SqliteTransaction tx, InstrumentStatusRecord s, CancellationToken ct)
    {
        if (s.Kind is not (InstrumentStatusRecord.QuarantinedKind or InstrumentStatusRecord.ReturnedToServiceKind))
        {
            throw new LedgerException($"Instrument event kind '{s.Kind}' is not '{InstrumentStatusRecord.QuarantinedKind}' or '{InstrumentStatusRecord.ReturnedToServiceKind}'.");
        }

        if (string.IsNullOrWhiteSpace(s.Actor))
        {
            throw new LedgerException($"The {s.Kind} event of instrument '{s.Site}/{s.Instrument}' names no actor.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO instrument_status (site, instrument, kind, at, at_ticks, actor, detail) VALUES ($site, $instrument, $kind, $at, $ticks, $actor, $detail)",
            ct,
            ("$site", s.Site.Value),
            ("$instrument", s.Instrument.Value),
            ("$kind", s.Kind),
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
                new SiteId(r.GetString(0)), new InstrumentId(r.GetString(1)), r.GetString(2), LedgerValues.ParseTime(r.GetString(3)), r.GetString(4), r.GetString(5)),
            ct).ConfigureAwait(false);
    }
}
