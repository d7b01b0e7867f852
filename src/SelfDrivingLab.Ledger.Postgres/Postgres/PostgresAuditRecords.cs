using Npgsql;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Sqlite;
using static SelfDrivingLab.Ledger.Postgres.Postgres.NpgsqlCommands;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>Instrument-level events and operator control requests (schema versions 2 and 5), as <see cref="LedgerInstrumentStatus"/> and <see cref="LedgerControlRequests"/> in SQLite.</summary>
internal static class PostgresAuditRecords
{
    public static async Task RecordInstrumentStatusAsync(NpgsqlConnection c, NpgsqlTransaction tx, InstrumentStatusRecord s, CancellationToken ct)
    {
        var word = LedgerInstrumentStatus.KindWord(s.Kind);
        if (string.IsNullOrWhiteSpace(s.Actor))
        {
            throw new LedgerException($"The {word} event of instrument '{s.Site}/{s.Instrument}' names no actor.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO instrument_status (site, instrument, kind, at, at_ticks, actor, detail) VALUES (@site, @instrument, @kind, @at, @ticks, @actor, @detail)",
            ct,
            P("site", s.Site.Value),
            P("instrument", s.Instrument.Value),
            P("kind", word),
            P("at", LedgerValues.FormatTime(s.At)),
            P("ticks", s.At.UtcTicks),
            P("actor", s.Actor),
            P("detail", s.Detail)).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<InstrumentStatusRecord>> GetInstrumentStatusesAsync(NpgsqlConnection c, int version, CancellationToken ct) =>
        version < 2
            ? []
            : await c.QueryAsync(
                null,
                "SELECT site, instrument, kind, at, actor, detail FROM instrument_status ORDER BY at_ticks, id",
                r => new InstrumentStatusRecord(
                    new SiteId(r.GetString(0)), new InstrumentId(r.GetString(1)), LedgerInstrumentStatus.ParseKind(r.GetString(2)), LedgerValues.ParseTime(r.GetString(3)), r.GetString(4), r.GetString(5)),
                ct).ConfigureAwait(false);

    public static async Task RecordControlRequestAsync(NpgsqlConnection c, NpgsqlTransaction tx, ControlRequestRecord r, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Operator) || string.IsNullOrWhiteSpace(r.Action))
        {
            throw new LedgerException($"Control request '{r.RequestId}' names no operator or no action.");
        }

        await c.ExecuteAsync(
            tx,
            "INSERT INTO control_requests (at, at_ticks, site, request_id, client_id, identity, operator, action, target, reason, outcome, detail) "
            + "VALUES (@at, @ticks, @site, @request, @client, @identity, @operator, @action, @target, @reason, @outcome, @detail)",
            ct,
            P("at", LedgerValues.FormatTime(r.At)),
            P("ticks", r.At.UtcTicks),
            P("site", r.Site),
            P("request", r.RequestId),
            P("client", r.ClientId),
            P("identity", r.Identity),
            P("operator", r.Operator),
            P("action", r.Action),
            P("target", r.Target),
            P("reason", r.Reason),
            P("outcome", LedgerValues.ToText(r.Outcome)),
            P("detail", r.Detail)).ConfigureAwait(false);
    }

    public static async Task<IReadOnlyList<ControlRequestRecord>> GetControlRequestsAsync(NpgsqlConnection c, int version, CancellationToken ct) =>
        version < 5
            ? []
            : await c.QueryAsync(
                null,
                "SELECT at, site, request_id, operator, action, target, reason, outcome, detail, client_id, identity FROM control_requests ORDER BY at_ticks, id",
                r => new ControlRequestRecord(
                    LedgerValues.ParseTime(r.GetString(0)),
                    r.GetString(1),
                    r.GetString(2),
                    r.GetString(3),
                    r.GetString(4),
                    r.NullableString(5),
                    r.NullableString(6),
                    LedgerValues.ParseEnum<ControlRequestOutcome>(r.GetString(7)),
                    r.GetString(8))
                {
                    ClientId = r.NullableString(9),
                    Identity = r.NullableString(10),
                },
                ct).ConfigureAwait(false);
}
