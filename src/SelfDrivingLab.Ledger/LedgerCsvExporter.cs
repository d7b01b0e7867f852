using System.Globalization;
using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Ledger.Export;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// Writes the results table of a ledger as CSV (RFC 4180): one row per experiment with columns
/// <c>campaign, experiment, sequence, status, state</c>, then one column per parameter (the union over
/// the exported experiments, sorted ordinally, named as the parameter), then one column per measured output
/// (likewise, prefixed <c>m_</c> so an output never collides with a parameter of the same name; when two steps
/// report the same output name, <c>m_name</c> holds the later step's value and <c>m_step.name</c> columns hold
/// each step's), then <c>objective</c> (the first objective's value), one <c>o_output</c> column per entry of the
/// objective vector, then what the model said when it proposed the experiment — <c>predicted_mean,
/// predicted_sd, acquisition_value, strategy, surrogate, acquisition</c> — and <c>proposed_at, updated_at,
/// failure_reason</c>. With prior data included, each campaign's prior rows (earlier measurements that trained its
/// model, not experiments) come first, flagged by status <c>Prior</c> and state <c>prior</c>, named
/// <c>prior-&lt;row&gt;</c>, with sequence 0 and no proposal or times. Numbers use the invariant culture and round-trip format; times are ISO-8601 with offset;
/// missing values are empty fields; lines end with CRLF as RFC 4180 specifies. Stateless and thread-safe.
/// </summary>
public static class LedgerCsvExporter
{
    /// <summary>Prefix of measurement columns.</summary>
    public const string MeasurementPrefix = "m_";

    /// <summary>Prefix of the objective vector's columns.</summary>
    public const string ObjectivePrefix = "o_";

    private const string LineEnd = "\r\n";

    /// <summary>Status of an exported prior row.</summary>
    public const string PriorStatus = "Prior";

    /// <summary>
    /// Writes experiments of <paramref name="campaign"/> (or of every campaign, oldest first, when null)
    /// to <paramref name="writer"/>, preceded by the campaigns' prior data when <paramref name="includePrior"/>.
    /// Throws <see cref="LedgerException"/> for an unknown campaign.
    /// </summary>
    public static async Task ExportAsync(ILedger ledger, TextWriter writer, CampaignId? campaign = null, bool includePrior = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(writer);

        var experiments = new List<ExperimentRecord>();
        var priors = new List<(CampaignId Campaign, PriorDataRecord Row)>();
        IReadOnlyList<CampaignId> campaigns;
        if (campaign is { } id)
        {
            _ = await ledger.FindCampaignAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new LedgerException($"Unknown campaign '{id}'.");
            campaigns = [id];
        }
        else
        {
            campaigns = [.. (await ledger.ListCampaignsAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Id)];
        }

        foreach (var c in campaigns)
        {
            experiments.AddRange(await ledger.GetExperimentsAsync(c, cancellationToken).ConfigureAwait(false));
            if (includePrior)
            {
                priors.AddRange((await ledger.GetPriorDataAsync(c, cancellationToken).ConfigureAwait(false)).Select(r => (c, r)));
            }
        }

        var parameterNames = SortedUnion(priors.Select(p => p.Row.Parameters).Concat(experiments.Select(e => e.Parameters)));
        var measurementNames = SortedUnion(priors.Select(p => p.Row.Outputs).Concat(experiments.Select(e => e.Measurements ?? ParameterSet.Empty)));
        var stepOutputNames = SharedOutputNames(experiments);
        var objectiveNames = priors.SelectMany(p => p.Row.Objectives).Concat(experiments.SelectMany(e => e.Objectives ?? [])).Select(o => o.Output).Distinct(StringComparer.Ordinal).ToList();

        var header = new List<string> { "campaign", "experiment", "sequence", "status", "state" };
        header.AddRange(parameterNames);
        header.AddRange(measurementNames.Select(n => MeasurementPrefix + n));
        header.AddRange(stepOutputNames.Select(n => MeasurementPrefix + n.Step + "." + n.Output));
        header.Add("objective");
        header.AddRange(objectiveNames.Select(n => ObjectivePrefix + n));
        header.AddRange(ProposalColumns.Names);
        header.AddRange(["proposed_at", "updated_at", "failure_reason"]);
        await WriteRowAsync(writer, header, cancellationToken).ConfigureAwait(false);

        foreach (var (campaignId, p) in priors)
        {
            var row = new List<string?> { campaignId.Value, $"prior-{p.Row + 1}", "0", PriorStatus, "prior" };
            row.AddRange(parameterNames.Select(n => Format(p.Parameters, n)));
            row.AddRange(measurementNames.Select(n => Format(p.Outputs, n)));
            row.AddRange(stepOutputNames.Select(_ => (string?)null));
            row.Add(p.Objectives.Count == 0 ? null : p.Objectives[0].Value.ToString("R", CultureInfo.InvariantCulture));
            row.AddRange(objectiveNames.Select(n => p.Objectives.FirstOrDefault(o => o.Output == n)?.Value.ToString("R", CultureInfo.InvariantCulture)));
            row.AddRange(ProposalColumns.Names.Select(_ => (string?)null));
            row.AddRange([null, null, null]);
            await WriteRowAsync(writer, row, cancellationToken).ConfigureAwait(false);
        }

        foreach (var e in experiments)
        {
            var row = new List<string?>
            {
                e.CampaignId.Value,
                e.Id.Value,
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.Status.ToString(),
                e.State,
            };
            row.AddRange(parameterNames.Select(n => Format(e.Parameters, n)));
            row.AddRange(measurementNames.Select(n => Format(e.Measurements, n)));
            row.AddRange(stepOutputNames.Select(n => Format(e.Outputs?.FirstOrDefault(s => s.Step == n.Step)?.Outputs, n.Output)));
            row.Add(e.Objective?.ToString("R", CultureInfo.InvariantCulture));
            row.AddRange(objectiveNames.Select(n => e.Objectives?.FirstOrDefault(o => o.Output == n)?.Value.ToString("R", CultureInfo.InvariantCulture)));
            row.AddRange(ProposalColumns.Read(e.Proposal));
            row.Add(e.ProposedAt.ToString("O", CultureInfo.InvariantCulture));
            row.Add(e.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
            row.Add(e.FailureReason);
            await WriteRowAsync(writer, row, cancellationToken).ConfigureAwait(false);
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Quotes a field when it holds a comma, quote, CR or LF (or leading/trailing space), doubling inner quotes.</summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field[0] == ' ' || field[^1] == ' ';
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>Outputs two or more steps of one experiment report under one name, each as (step, output), ordered by name then step.</summary>
    private static List<(string Step, string Output)> SharedOutputNames(IEnumerable<ExperimentRecord> experiments) =>
    [
        .. experiments
            .SelectMany(e => (e.Outputs ?? []).SelectMany(s => s.Outputs.Keys.Select(k => (s.Step, Output: k))).GroupBy(x => x.Output, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g))
            .Distinct()
            .OrderBy(x => x.Output, StringComparer.Ordinal)
            .ThenBy(x => x.Step, StringComparer.Ordinal),
    ];

    private static List<string> SortedUnion(IEnumerable<ParameterSet> sets) =>
        [.. sets.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static string? Format(ParameterSet? values, string name) =>
        values is not null && values.TryGetValue(name, out var value) ? value.ToString() : null;

    private static async Task WriteRowAsync(TextWriter writer, IEnumerable<string?> fields, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        line.AppendJoin(',', fields.Select(Quote)).Append(LineEnd);
        await writer.WriteAsync(line, cancellationToken).ConfigureAwait(false);
    }
}
