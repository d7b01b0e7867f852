using System.Globalization;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The prior data: at most <see cref="PriorDataDefinition.MaxRows"/> rows, a column for every parameter and every
/// objective's output, and every row usable (<see cref="PriorDataCheck"/>): its objectives finite numbers, and inside
/// the space or pool unless <c>outside: ignore</c>. Problems are reported at <c>prior.table</c>, each naming the row's
/// line in the table and the column; after <see cref="MaxReportedRows"/> rows the rest are counted.
/// </summary>
internal static class PriorRules
{
    /// <summary>Rows reported one by one before the rest are counted.</summary>
    public const int MaxReportedRows = 10;

    private const string Path = "prior.table";

    public static void Check(CampaignDefinition campaign, ProblemList problems)
    {
        if (campaign.Prior is not { } prior)
        {
            return;
        }

        var table = System.IO.Path.GetFileName(prior.Path);
        if (!Enum.IsDefined(prior.Outside))
        {
            problems.Add("prior.outside", $"'{prior.Outside}' is not a policy; use error or ignore");
        }

        if (prior.Rows.Count == 0)
        {
            problems.Add(Path, $"'{table}' has no rows; a prior table holds earlier measurements, one per row");
            return;
        }

        if (prior.Rows.Count > PriorDataDefinition.MaxRows)
        {
            problems.Add(Path, Invariant($"'{table}' has {prior.Rows.Count:N0} rows; a prior table may have at most {PriorDataDefinition.MaxRows:N0}"));
            return;
        }

        var parameters = campaign.Pool?.ParameterNames ?? [.. campaign.Space.Parameters.Select(p => p.Name)];
        var missing = parameters.Where(p => prior.Rows.All(r => !r.Parameters.ContainsKey(p))).Select(p => $"'{p}' (a parameter)")
            .Concat(campaign.Objectives.Select(o => o.Output).Where(o => prior.Rows.All(r => !r.Outputs.ContainsKey(o))).Select(o => $"'{o}' (an objective's output)"))
            .ToList();
        if (missing.Count > 0)
        {
            problems.Add(Path, $"'{table}' has no column {string.Join(", no column ", missing)}; it needs a column for every parameter and every objective's output");
            return;
        }

        var rows = PriorDataCheck.Check(campaign).Where(p => !p.Outside || prior.Outside == PriorOutsidePolicy.Error).ToList();
        foreach (var row in rows.Take(MaxReportedRows))
        {
            var hint = row.Outside ? (campaign.Pool is null ? "; fix the row, widen the space, or set outside: ignore to leave such rows out" : "; fix the row or set outside: ignore to leave such rows out") : string.Empty;
            problems.Add(Path, $"'{table}' {row}{hint}");
        }

        if (rows.Count > MaxReportedRows)
        {
            problems.Add(Path, Invariant($"'{table}' has {rows.Count - MaxReportedRows} more rows with problems"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
