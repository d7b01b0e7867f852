using System.Globalization;
using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// Writes the results table of a ledger as CSV (RFC 4180): one row per experiment with columns
/// <c>campaign, experiment, sequence, status, state</c>, then one column per parameter (the union over
/// the exported experiments, sorted ordinally, named as the parameter), then one column per measurement
/// (likewise, prefixed <c>m_</c> so a measurement never collides with a parameter of the same name),
/// then <c>objective, proposed_at, updated_at, failure_reason</c>. Numbers use the invariant culture
/// and round-trip format; times are ISO-8601 with offset; missing values are empty fields; lines end
/// with CRLF as RFC 4180 specifies. Stateless and thread-safe.
/// </summary>
public static class LedgerCsvExporter
{
    /// <summary>Prefix of measurement columns.</summary>
    public const string MeasurementPrefix = "m_";

    private const string LineEnd = "\r\n";

    /// <summary>
    /// Writes experiments of <paramref name="campaign"/> (or of every campaign, oldest first, when null)
    /// to <paramref name="writer"/>. Throws <see cref="LedgerException"/> for an unknown campaign.
    /// </summary>
    public static async Task ExportAsync(ILedger ledger, TextWriter writer, CampaignId? campaign = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(writer);

        var experiments = new List<ExperimentRecord>();
        if (campaign is { } id)
        {
            _ = await ledger.FindCampaignAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new LedgerException($"Unknown campaign '{id}'.");
            experiments.AddRange(await ledger.GetExperimentsAsync(id, cancellationToken).ConfigureAwait(false));
        }
        else
        {
            foreach (var c in await ledger.ListCampaignsAsync(cancellationToken).ConfigureAwait(false))
            {
                experiments.AddRange(await ledger.GetExperimentsAsync(c.Id, cancellationToken).ConfigureAwait(false));
            }
        }

        var parameterNames = SortedUnion(experiments.Select(e => e.Parameters));
        var measurementNames = SortedUnion(experiments.Select(e => e.Measurements ?? ParameterSet.Empty));

        var header = new List<string> { "campaign", "experiment", "sequence", "status", "state" };
        header.AddRange(parameterNames);
        header.AddRange(measurementNames.Select(n => MeasurementPrefix + n));
        header.AddRange(["objective", "proposed_at", "updated_at", "failure_reason"]);
        await WriteRowAsync(writer, header, cancellationToken).ConfigureAwait(false);

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
            row.Add(e.Objective?.ToString("R", CultureInfo.InvariantCulture));
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
