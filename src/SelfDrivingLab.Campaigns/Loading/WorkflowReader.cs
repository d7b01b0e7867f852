using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads <c>workflow</c>: steps, their deadlines and how each command parameter is bound. Whether names are unique and
/// references resolve (to search-space parameters, to earlier steps) is the validator's question (WorkflowRules).
/// </summary>
internal static class WorkflowReader
{
    private const string StepPrefix = "steps.";

    /// <summary>The steps that parsed, each with its mapping, and whether every step parsed.</summary>
    public static (IReadOnlyList<(WorkflowStepDefinition Step, YamlMap Map)> Steps, bool Complete) Read(YamlMap root)
    {
        var items = root.List("workflow", required: true);
        if (items is { Count: 0 })
        {
            root.Error("workflow", "needs at least one step");
        }

        var steps = new List<(WorkflowStepDefinition, YamlMap)>();
        foreach (var (node, path) in items ?? [])
        {
            if (YamlMap.From(node, path, root.Errors) is not { } map)
            {
                continue;
            }

            if (map.Has("transfer"))
            {
                if (ReadTransfer(map) is { } transfer)
                {
                    steps.Add((transfer, map));
                }

                continue;
            }

            map.CheckKeys(["name", "capability", "deadline", "parameters", "site", "transfer", .. StepPolicyReader.Keys]);
            var name = map.String("name", required: true);
            var capability = map.String("capability", required: true);
            var deadline = map.Duration("deadline", required: true);
            var bindings = ReadBindings(map);
            var (retry, onFailure, skipIf, policiesOk) = StepPolicyReader.Read(map, name);
            var (site, siteOk) = SiteIdReader.Read(map);
            if (name is not null && capability is not null && deadline is not null && bindings is not null && policiesOk && siteOk)
            {
                var step = new WorkflowStepDefinition(name, capability, bindings, deadline.Value) { Retry = retry, OnFailure = onFailure, SkipIf = skipIf, Site = site };
                steps.Add((step, map));
            }
        }

        return (steps, items is not null && steps.Count == items.Count);
    }

    /// <summary>
    /// A transfer step: <c>- name: ship-to-b</c> with <c>transfer: { to: lab-b, duration: 2h }</c>. It sends no command, so
    /// it has no capability, parameters, deadline, site or policies.
    /// </summary>
    private static WorkflowStepDefinition? ReadTransfer(YamlMap map)
    {
        map.CheckKeys("name", "transfer");
        var name = map.String("name", required: true);
        if (map.Map("transfer") is not { } transfer)
        {
            return null; // reported by YamlMap
        }

        transfer.CheckKeys("to", "duration");
        var (to, toOk) = SiteIdReader.Read(transfer, "to");
        if (to is null && toOk)
        {
            transfer.Error("to", "'to' is required: the site the sample is shipped to");
        }

        var duration = transfer.Duration("duration", required: true, allowZero: true);
        return name is not null && to is { } site && duration is { } d ? WorkflowStepDefinition.ForTransfer(name, new SampleTransfer(site, d)) : null;
    }

    private static Dictionary<string, ParameterBinding>? ReadBindings(YamlMap step)
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

            var binding = ReadBinding(map, key, valueNode);
            ok &= binding is not null;
            if (binding is not null)
            {
                bindings[key] = binding;
            }
        }

        return ok ? bindings : null;
    }

    private static ParameterBinding? ReadBinding(YamlMap map, string key, YamlNode node)
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
        if (!reference.StartsWith(StepPrefix, StringComparison.Ordinal))
        {
            return new ExperimentParameterBinding(reference);
        }

        var parts = reference[StepPrefix.Length..].Split('.');
        if (parts.Length != 2 || parts.Any(string.IsNullOrEmpty))
        {
            map.Error(key, $"'{text}' is not a step reference; use $steps.<step>.<output>");
            return null;
        }

        return new StepOutputBinding(parts[0], parts[1]);
    }
}
