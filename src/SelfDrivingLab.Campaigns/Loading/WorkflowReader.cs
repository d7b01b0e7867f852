using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Reads <c>workflow</c>: steps, their deadlines and how each command parameter is bound.</summary>
internal static class WorkflowReader
{
    private const string StepPrefix = "steps.";

    // The workflow's own states; a step of the same name would be ambiguous in the ledger.
    private static readonly string[] ReservedNames = ["proposed", "awaitingapproval", "completed", "failed", "aborted"];

    /// <summary>The steps that parsed, each with its mapping (for locating later errors), and whether every step parsed.</summary>
    public static (IReadOnlyList<(WorkflowStepDefinition Step, YamlMap Map)> Steps, bool Complete) Read(YamlMap root, IReadOnlyList<string> parameterNames)
    {
        var items = root.List("workflow", required: true);
        if (items is { Count: 0 })
        {
            root.Error("workflow", "needs at least one step");
        }

        var maps = (items ?? []).Select(item => YamlMap.From(item.Node, item.Path, root.Errors)).ToList();
        var stepNames = maps.Select(m => m?.Get("name") is YamlScalarNode s ? s.Value : null).ToList();
        var steps = new List<(WorkflowStepDefinition, YamlMap)>();
        for (var i = 0; i < maps.Count; i++)
        {
            if (maps[i] is not { } map)
            {
                continue;
            }

            map.CheckKeys(["name", "capability", "deadline", "parameters", .. StepPolicyReader.Keys]);
            var name = ReadName(map, stepNames, i);
            var capability = map.String("capability", required: true);
            var deadline = map.Duration("deadline", required: true);
            var bindings = ReadBindings(map, parameterNames, stepNames, i);
            var (retry, onFailure, skipIf, policiesOk) = StepPolicyReader.Read(map, name, stepNames, i);
            if (name is not null && capability is not null && deadline is not null && bindings is not null && policiesOk)
            {
                var step = new WorkflowStepDefinition(name, capability, bindings, deadline.Value) { Retry = retry, OnFailure = onFailure, SkipIf = skipIf };
                steps.Add((step, map));
            }
        }

        return (steps, items is not null && steps.Count == items.Count);
    }

    private static string? ReadName(YamlMap map, List<string?> stepNames, int index)
    {
        var name = map.String("name", required: true);
        if (name is null)
        {
            return null;
        }

        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            map.Error("name", $"step name '{name}' may contain only letters, digits, '-' and '_'");
            return null;
        }

        if (ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            map.Error("name", $"'{name}' is a workflow state of its own; choose another step name");
            return null;
        }

        var first = stepNames.IndexOf(name);
        if (first < index)
        {
            map.Error("name", $"step '{name}' is already defined at workflow[{first}]");
            return null;
        }

        return name;
    }

    private static Dictionary<string, ParameterBinding>? ReadBindings(YamlMap step, IReadOnlyList<string> parameterNames, List<string?> stepNames, int index)
    {
        var bindings = new Dictionary<string, ParameterBinding>(StringComparer.Ordinal);
        if (step.Map("parameters") is not { } map)
        {
            return step.Has("parameters") ? null : bindings;
        }

        var ok = true;
        foreach (var (keyNode, valueNode) in map.Node.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                continue; // reported by YamlMap
            }

            var binding = ReadBinding(map, key, valueNode, parameterNames, stepNames, index);
            ok &= binding is not null;
            if (binding is not null)
            {
                bindings[key] = binding;
            }
        }

        return ok ? bindings : null;
    }

    private static ParameterBinding? ReadBinding(YamlMap map, string key, YamlNode node, IReadOnlyList<string> parameterNames, List<string?> stepNames, int index)
    {
        if (node is not YamlScalarNode scalar || YamlScalars.IsNull(node))
        {
            map.Error(key, $"expected a number, text, $parameter or $steps.<step>.<output>, got {YamlScalars.Describe(node)}");
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        if (!text.StartsWith('$'))
        {
            var isPlain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
            return new LiteralBinding(isPlain && YamlScalars.TryNumber(text, out var number) ? ParameterValue.FromNumber(number) : ParameterValue.FromText(text));
        }

        var reference = text[1..];
        if (reference.StartsWith(StepPrefix, StringComparison.Ordinal))
        {
            return ReadStepReference(map, key, text, reference[StepPrefix.Length..], stepNames, index);
        }

        if (parameterNames.Contains(reference))
        {
            return new ExperimentParameterBinding(reference);
        }

        // With no parameter declared the space itself is reported; a second error per reference would be noise.
        if (parameterNames.Count > 0)
        {
            map.Error(key, $"'{text}' names no search-space parameter{NameSuggestion.DidYouMean(reference, parameterNames)}");
        }

        return null;
    }

    private static StepOutputBinding? ReadStepReference(YamlMap map, string key, string text, string body, List<string?> stepNames, int index)
    {
        var parts = body.Split('.');
        if (parts.Length != 2 || parts.Any(string.IsNullOrEmpty))
        {
            map.Error(key, $"'{text}' is not a step reference; use $steps.<step>.<output>");
            return null;
        }

        var (step, output) = (parts[0], parts[1]);
        var position = stepNames.IndexOf(step);
        if (position < 0)
        {
            var known = stepNames.Take(index).OfType<string>();
            map.Error(key, $"'{text}' refers to unknown step '{step}'{NameSuggestion.DidYouMean(step, known)}");
            return null;
        }

        if (position >= index)
        {
            var relation = position == index ? "is this step itself" : "comes later";
            map.Error(key, $"'{text}' refers to step '{step}', which {relation}; only earlier steps' outputs can be used");
            return null;
        }

        return new StepOutputBinding(step, output);
    }
}
