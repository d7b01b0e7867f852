using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>
/// Migration to schema 3: an experiment stored before kept its merged measurements and one objective value, not the
/// objective's name. Its vector becomes that value, named after the measured output holding exactly that value (the
/// objective was read from it), the first by name when several do, <see cref="UnknownOutput"/> when none does.
/// </summary>
internal static class LedgerObjectiveBackfill
{
    /// <summary>The name given to an old objective value no measured output holds.</summary>
    public const string UnknownOutput = "objective";

    public static async Task RunAsync(SqliteConnection c, SqliteTransaction tx, CancellationToken ct)
    {
        var rows = await c.QueryAsync(
            tx,
            "SELECT id, measurements, objective FROM experiments WHERE objective IS NOT NULL",
            r => (Id: r.GetString(0), Measurements: r.IsDBNull(1) ? ParameterSet.Empty : LedgerValues.FromJson(r.GetString(1)), Objective: r.GetDouble(2)),
            ct).ConfigureAwait(false);
        foreach (var (id, measurements, objective) in rows)
        {
            var output = measurements
                .Where(m => m.Value.IsNumber && m.Value.Number.Equals(objective))
                .Select(m => m.Key)
                .Order(StringComparer.Ordinal)
                .FirstOrDefault() ?? UnknownOutput;
            await c.ExecuteAsync(
                tx,
                "UPDATE experiments SET objectives = $objectives WHERE id = $id",
                ct,
                ("$id", id),
                ("$objectives", LedgerValues.ObjectivesToJson([new ObjectiveValue(output, objective)]))).ConfigureAwait(false);
        }
    }
}
