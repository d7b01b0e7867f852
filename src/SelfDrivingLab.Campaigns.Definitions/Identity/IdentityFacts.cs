using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>Writes a definition as path → value facts, in the campaign file's words (see <see cref="CampaignIdentity"/>).</summary>
internal static class IdentityFacts
{
    /// <summary>What defines the campaign.</summary>
    public static List<KeyValuePair<string, string>> Defining(CampaignDefinition d)
    {
        var facts = new List<KeyValuePair<string, string>>();
        void Add(string path, string value) => facts.Add(new(path, value));

        Add("name", d.Name);
        Add("site", d.Site.Value ?? string.Empty);
        Add("seed", Number(d.Seed));
        AddObjectives(d, Add);

        if (d.Pool is { } pool)
        {
            // A pool's space is derived from its candidates; the candidates themselves are what matter, not where the table is.
            Add(pool.FormulaColumn is null ? "pool.inputs" : "pool.formula_column", pool.FormulaColumn ?? List(pool.Inputs));
            if (pool.Limit is { } limit)
            {
                Add("pool.limit", Number(limit));
            }

            Add("pool.candidates", $"{Number(pool.Candidates.Count)} candidates, sha256 {Digest(pool.Candidates.Candidates)}");
            if (pool.PriorModel is { } priorModel)
            {
                // What the proposer learns from differs with the model's predictions, so its use is part of the identity.
                Add("pool.prior_model", $"{System.IO.Path.GetFileName(priorModel.Path)} as {Word(priorModel.Use)}, scale {Word(priorModel.Scaling)}, uncertainty {(priorModel.AddUncertainty ? "added" : "not added")}");
            }
        }
        else
        {
            AddSpace(d.Space, Add);
        }

        var proposer = d.Proposer;
        Add("initial_design.kind", Word(proposer.InitialDesign));
        Add("initial_design.count", Number(proposer.InitialCount));
        Add("surrogate.kind", Word(proposer.Surrogate));
        Add("surrogate.kernel", Word(proposer.Kernel));
        Add("surrogate.restarts", Number(proposer.Restarts));
        Add("acquisition.kind", Word(proposer.Acquisition));
        Add("acquisition.xi", Number(proposer.Xi));
        Add("acquisition.beta", Number(proposer.Beta));
        Add("acquisition.candidates", Number(proposer.CandidateCount));
        if (d.Prior is { } prior)
        {
            // The rows themselves define what the model starts from, not where the table is.
            Add("prior.rows", $"{Number(prior.Rows.Count)} rows, sha256 {Digest(prior.Rows)}");
            Add("prior.outside", Word(prior.Outside));
        }

        AddWorkflow(d.Steps, Add);
        return facts;
    }

    /// <summary>
    /// One objective without thresholds as <c>objective.*</c> (as stored before there were several); otherwise
    /// <c>objectives[i].*</c>, thresholds included.
    /// </summary>
    private static void AddObjectives(CampaignDefinition d, Action<string, string> add)
    {
        var single = d.Objectives.Count == 1 && !d.Objective.HasThreshold;
        for (var i = 0; i < d.Objectives.Count; i++)
        {
            var objective = d.Objectives[i];
            var path = single ? "objective" : $"objectives[{i}]";
            add($"{path}.output", objective.Output);
            add($"{path}.goal", Word(objective.Goal));
            if (objective.Target is { } target)
            {
                add($"{path}.target", Number(target));
            }

            if (objective.AtLeast is { } low)
            {
                add($"{path}.at_least", Number(low));
            }

            if (objective.AtMost is { } high)
            {
                add($"{path}.at_most", Number(high));
            }
        }
    }

    /// <summary>What may change freely between runs of one campaign.</summary>
    public static List<KeyValuePair<string, string>> Free(CampaignDefinition d)
    {
        var facts = new List<KeyValuePair<string, string>>();
        void Add(string path, string value) => facts.Add(new(path, value));

        Add("budget", Number(d.Budget));
        Add("parallel", Number(d.Parallel));
        Add("priority", Number(d.Priority));
        Add("description", d.Description ?? string.Empty);
        Add("approval", d.Approval is null ? "off" : "on");
        foreach (var bound in d.Approval?.SafeBounds ?? [])
        {
            Add($"approval.safe_bounds.{bound.Parameter}", bound.Choices is { } choices ? List(choices) : $"[{Number(bound.Min)}, {Number(bound.Max)}]");
        }

        foreach (var simulator in d.Simulators)
        {
            Add($"simulators.{simulator.Id}", Describe(simulator));
        }

        return facts;
    }

    private static void AddSpace(SearchSpace space, Action<string, string> add)
    {
        // The order of the parameters is the order of the model's coordinates: it is part of the space.
        add("space", string.Join(", ", space.Parameters.Select(p => p.Name)));
        foreach (var parameter in space.Parameters)
        {
            var path = $"space.{parameter.Name}";
            switch (parameter)
            {
                case ContinuousParameter c:
                    add($"{path}.type", "continuous");
                    add($"{path}.low", Number(c.Low));
                    add($"{path}.high", Number(c.High));
                    add($"{path}.log", c.LogScale ? "true" : "false");
                    break;
                case IntegerParameter i:
                    add($"{path}.type", "integer");
                    add($"{path}.low", Number(i.Low));
                    add($"{path}.high", Number(i.High));
                    add($"{path}.step", Number(i.Step));
                    break;
                case CategoricalParameter k:
                    add($"{path}.type", "categorical");
                    add($"{path}.choices", List(k.Choices));
                    break;
            }
        }

        for (var i = 0; i < space.Mixtures.Count; i++)
        {
            add($"mixtures[{i}]", $"{string.Join(" + ", space.Mixtures[i].Components)} = {Number(space.Mixtures[i].Total)}");
        }

        for (var i = 0; i < space.Constraints.Count; i++)
        {
            var constraint = space.Constraints[i];
            var terms = constraint.Coefficients.Select(c => $"{Number(c.Value)}*{c.Key}");
            add($"constraints[{i}]", $"{string.Join(" + ", terms)} <= {Number(constraint.UpperBound)}");
        }
    }

    private static void AddWorkflow(IReadOnlyList<WorkflowStepDefinition> steps, Action<string, string> add)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var path = $"workflow[{i}]";
            add($"{path}.name", step.Name);
            add($"{path}.capability", step.Capability);
            add($"{path}.deadline", DurationParser.Format(step.Deadline));
            foreach (var (key, binding) in step.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                add($"{path}.parameters.{key}", Describe(binding));
            }

            if (step.Retry is { } retry)
            {
                add($"{path}.retry", $"attempts {Number(retry.Attempts)}, backoff {DurationParser.Format(retry.Backoff)}");
            }

            add($"{path}.on_failure", Word(step.OnFailure));
            if (step.Site is { } site)
            {
                add($"{path}.site", site.Value);
            }

            if (step.Transfer is { } transfer)
            {
                add($"{path}.transfer", $"to {transfer.To}, duration {DurationParser.Format(transfer.Duration)}");
            }

            if (step.SkipIf is { } skip)
            {
                add($"{path}.skip_if", $"{skip.Step}.{skip.Output} {(skip.Negated ? "not_equals" : "equals")} {Describe(skip.Value)}");
            }
        }
    }

    private static string Describe(ParameterBinding binding) => binding switch
    {
        ExperimentParameterBinding p => "$" + p.Parameter,
        StepOutputBinding s => $"$steps.{s.Step}.{s.Output}",
        LiteralBinding l => Describe(l.Value),
        _ => binding.ToString() ?? string.Empty,
    };

    // Text is quoted so that a literal "0.5" (text) and 0.5 (a number) read differently.
    private static string Describe(ParameterValue value) => value.IsNumber ? Number(value.Number) : $"'{value.Text}'";

    private static string Describe(SimulatedInstrumentDefinition s)
    {
        var truth = s.GroundTruth switch
        {
            TableGroundTruthDefinition t => $", ground truth table {Path.GetFileName(t.Path)} → {t.Output}",
            AnalyticGroundTruthDefinition a => $", ground truth {a.Function} → {a.Output}",
            _ => string.Empty,
        };
        var duration = s.Duration.Kind switch
        {
            DurationDistributionKind.Fixed => DurationParser.Format(s.Duration.Mean),
            DurationDistributionKind.Uniform => $"uniform {DurationParser.Format(s.Duration.Minimum)}..{DurationParser.Format(s.Duration.Maximum)}",
            var kind => $"{Word(kind)} {DurationParser.Format(s.Duration.Mean)} sd {DurationParser.Format(s.Duration.StandardDeviation)}",
        };
        return $"{s.Type} {s.Capability}, {duration}, failure rate {Number(s.FailureRate)}{truth}{(s.Faults.Any ? $", faults {Number(s.Faults.Total)}" : string.Empty)}";
    }

    /// <summary>A short fingerprint of the candidates, in order: the pool's table changed when it changes.</summary>
    private static string Digest(IReadOnlyList<ParameterSet> candidates)
    {
        var text = string.Join('\n', candidates.Select(c => JsonSerializer.Serialize(c)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>A short fingerprint of the prior rows, in order (parameters and outputs; not their lines).</summary>
    private static string Digest(IReadOnlyList<PriorRow> rows)
    {
        var text = string.Join('\n', rows.Select(r => JsonSerializer.Serialize(r.Parameters) + "|" + JsonSerializer.Serialize(r.Outputs)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static string List(IEnumerable<string> items) => $"[{string.Join(", ", items)}]";

    private static string Word<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
