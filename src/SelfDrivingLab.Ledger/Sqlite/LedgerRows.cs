using System.Data.Common;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>
/// How a campaign or experiment row becomes a record, for every store: both stores select the same columns in the same
/// order and keep times and JSON as the same text (<see cref="LedgerValues"/>).
/// </summary>
internal static class LedgerRows
{
    public static CampaignRecord Campaign(DbDataReader r) => new(
        new CampaignId(r.GetString(0)),
        r.GetString(1),
        r.GetString(2),
        r.GetInt32(3),
        r.GetInt32(4),
        LedgerValues.ParseEnum<CampaignStatus>(r.GetString(5)),
        LedgerValues.ParseTime(r.GetString(6)),
        LedgerValues.ParseTime(r.GetString(7)))
    {
        Identity = NullableString(r, 8),
        Pause = r.IsDBNull(9) ? null : new CampaignPause(LedgerValues.ParseTime(r.GetString(9)), r.GetString(10), NullableString(r, 11)),
    };

    public static ExperimentRecord Experiment(DbDataReader r) => new(
        new ExperimentId(r.GetString(0)),
        new CampaignId(r.GetString(1)),
        r.GetInt32(2),
        LedgerValues.FromJson(r.GetString(3)),
        LedgerValues.ParseEnum<ExperimentStatus>(r.GetString(4)),
        r.GetString(5),
        r.GetString(6),
        LedgerValues.ParseTime(r.GetString(7)),
        LedgerValues.ParseTime(r.GetString(8)),
        r.IsDBNull(9) ? null : LedgerValues.FromJson(r.GetString(9)),
        r.IsDBNull(10) ? null : r.GetDouble(10),
        NullableString(r, 11))
    {
        Outputs = r.IsDBNull(12) ? null : LedgerValues.OutputsFromJson(r.GetString(12)),
        Objectives = r.IsDBNull(13) ? null : LedgerValues.ObjectivesFromJson(r.GetString(13)),
    };

    /// <summary>The latest of the newest event time (its ticks, or null) and every campaign's update time.</summary>
    public static DateTimeOffset? Latest(long? ticks, IEnumerable<DateTimeOffset> updated)
    {
        DateTimeOffset? latest = ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
        foreach (var at in updated)
        {
            if (latest is null || at > latest)
            {
                latest = at;
            }
        }

        return latest;
    }

    public static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
