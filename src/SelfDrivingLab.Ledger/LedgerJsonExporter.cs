using System.Text.Json;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// Writes a ledger's campaigns and experiments as one JSON document with every output:
/// <c>{"format":"sdl-ledger-export","version":1,"campaigns":[{id, name, status, seed, budget, created_at, updated_at,
/// prior?: [{parameters, outputs, objectives}], experiments: [{id, sequence, status, state, parameters, measurements,
/// outputs: [{step, outputs}], objective, objectives: [{output, value}], proposal, proposed_at, updated_at,
/// failure_reason, timeline: [{from, to, trigger, at, detail}]}]}]}</c>; the timeline is every state the experiment went
/// through, steps that send no command included (a transfer between sites, its arrival in <c>detail</c>). Parameters and outputs are objects whose values are JSON numbers or strings; <c>proposal</c>
/// is the provenance the campaign runner stored (the model's predicted mean and sd, the acquisition value, the strategy),
/// as an object, or a string when it is not JSON. Missing values are <c>null</c>; times are ISO-8601 with offset.
/// Stateless and thread-safe.
/// </summary>
public static class LedgerJsonExporter
{
    /// <summary>The document's <c>format</c> value.</summary>
    public const string Format = "sdl-ledger-export";

    /// <summary>The document's <c>version</c>: raised when a field changes meaning or is removed.</summary>
    public const int Version = 1;

    /// <summary>
    /// Writes the experiments of <paramref name="campaign"/> (or of every campaign, oldest first, when null), with each
    /// campaign's prior data when <paramref name="includePrior"/>. Throws <see cref="LedgerException"/> for an unknown campaign.
    /// </summary>
    public static async Task ExportAsync(ILedger ledger, Stream stream, CampaignId? campaign = null, bool includePrior = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(stream);
        IReadOnlyList<CampaignRecord> campaigns = campaign is { } id
            ? [await ledger.FindCampaignAsync(id, cancellationToken).ConfigureAwait(false) ?? throw new LedgerException($"Unknown campaign '{id}'.")]
            : await ledger.ListCampaignsAsync(cancellationToken).ConfigureAwait(false);

        var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        await using (json.ConfigureAwait(false))
        {
            await WriteAsync(ledger, json, campaigns, includePrior, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(ILedger ledger, Utf8JsonWriter json, IReadOnlyList<CampaignRecord> campaigns, bool includePrior, CancellationToken cancellationToken)
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        json.WriteStartArray("campaigns");
        foreach (var c in campaigns)
        {
            json.WriteStartObject();
            json.WriteString("id", c.Id.Value);
            json.WriteString("name", c.Name);
            json.WriteString("status", c.Status.ToString());
            json.WriteNumber("seed", c.Seed);
            json.WriteNumber("budget", c.Budget);
            json.WriteString("created_at", c.CreatedAt);
            json.WriteString("updated_at", c.UpdatedAt);
            if (includePrior)
            {
                json.WriteStartArray("prior");
                foreach (var row in await ledger.GetPriorDataAsync(c.Id, cancellationToken).ConfigureAwait(false))
                {
                    json.WriteStartObject();
                    WriteValues(json, "parameters", row.Parameters);
                    WriteValues(json, "outputs", row.Outputs);
                    WriteObjectives(json, row.Objectives);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("experiments");
            foreach (var e in await ledger.GetExperimentsAsync(c.Id, cancellationToken).ConfigureAwait(false))
            {
                WriteExperiment(json, e, await ledger.GetTransitionsAsync(e.Id, cancellationToken).ConfigureAwait(false));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteExperiment(Utf8JsonWriter json, ExperimentRecord e, IReadOnlyList<StateTransitionRecord> timeline)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Id.Value);
        json.WriteNumber("sequence", e.Sequence);
        json.WriteString("status", e.Status.ToString());
        json.WriteString("state", e.State);
        WriteValues(json, "parameters", e.Parameters);
        WriteValues(json, "measurements", e.Measurements);
        json.WriteStartArray("outputs");
        foreach (var step in e.Outputs ?? [])
        {
            json.WriteStartObject();
            json.WriteString("step", step.Step);
            WriteValues(json, "outputs", step.Outputs);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNumber(json, "objective", e.Objective);
        WriteObjectives(json, e.Objectives ?? []);
        WriteProposal(json, e.Proposal);
        json.WriteString("proposed_at", e.ProposedAt);
        json.WriteString("updated_at", e.UpdatedAt);
        json.WriteString("failure_reason", e.FailureReason);
        json.WriteStartArray("timeline");
        foreach (var t in timeline)
        {
            json.WriteStartObject();
            json.WriteString("from", t.From);
            json.WriteString("to", t.To);
            json.WriteString("trigger", t.Trigger);
            json.WriteString("at", t.At);
            json.WriteString("detail", t.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValues(Utf8JsonWriter json, string name, ParameterSet? values)
    {
        if (values is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (value.IsNumber)
            {
                WriteNumber(json, key, value.Number);
            }
            else
            {
                json.WriteString(key, value.Text);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteObjectives(Utf8JsonWriter json, IReadOnlyList<ObjectiveValue> objectives)
    {
        json.WriteStartArray("objectives");
        foreach (var objective in objectives)
        {
            json.WriteStartObject();
            json.WriteString("output", objective.Output);
            WriteNumber(json, "value", objective.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    // NaN and infinities are not JSON numbers: they are written as null.
    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteProposal(Utf8JsonWriter json, string proposal)
    {
        try
        {
            using var document = JsonDocument.Parse(proposal);
            json.WritePropertyName("proposal");
            document.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteString("proposal", proposal);
        }
    }
}
