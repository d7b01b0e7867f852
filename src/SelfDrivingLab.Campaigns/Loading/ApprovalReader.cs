using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Optimization.Space;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads <c>approval</c>: whether proposals need a person's approval, and the safe bounds inside
/// which the policy approves them, e.g. <c>safe_bounds: { temperature: [25, 300], solvent: [water] }</c>.
/// </summary>
internal static class ApprovalReader
{
    /// <summary>The policy, or null when the file has no <c>approval</c> section (or it had errors, recorded).</summary>
    public static ApprovalPolicy? Read(YamlMap root, SearchSpace? space)
    {
        if (!root.Has("approval"))
        {
            return null;
        }

        if (root.Map("approval") is not { } map)
        {
            return null;
        }

        map.CheckKeys("safe_bounds");
        var before = root.Errors.Count;
        var bounds = new List<SafeBound>();
        if (map.Has("safe_bounds") && map.Map("safe_bounds") is { } boundsMap)
        {
            foreach (var name in boundsMap.Keys)
            {
                if (ReadBound(boundsMap, name, space) is { } bound)
                {
                    bounds.Add(bound);
                }
            }
        }

        return root.Errors.Count == before ? new ApprovalPolicy(bounds) : null;
    }

    private static SafeBound? ReadBound(YamlMap map, string name, SearchSpace? space)
    {
        var parameter = space?.Parameters.FirstOrDefault(p => p.Name == name);
        if (space is not null && parameter is null)
        {
            var hint = NameSuggestion.Closest(name, [.. space.Parameters.Select(p => p.Name)]) is { } match ? $"; did you mean '{match}'?" : string.Empty;
            map.Error(name, $"'{name}' is not a parameter of the search space{hint}");
            return null;
        }

        var values = map.List(name);
        if (values is null)
        {
            return null;
        }

        if (parameter is CategoricalParameter categorical)
        {
            return ReadChoices(map, name, categorical, values);
        }

        if (values.Count != 2
            || !TryNumber(values[0].Node, out var min)
            || !TryNumber(values[1].Node, out var max))
        {
            map.Error(name, $"expected [min, max] with two numbers for the numeric parameter '{name}', e.g. [25, 300]");
            return null;
        }

        if (min > max)
        {
            map.Error(name, string.Create(CultureInfo.InvariantCulture, $"the lower bound {min} is above the upper bound {max}"));
            return null;
        }

        return new SafeBound(name, min, max, null);
    }

    private static SafeBound? ReadChoices(YamlMap map, string name, CategoricalParameter parameter, IReadOnlyList<(YamlNode Node, string Path)> values)
    {
        var choices = new List<string>();
        foreach (var (node, path) in values)
        {
            if (node is not YamlScalarNode { Value: { Length: > 0 } text } || !parameter.Choices.Contains(text, StringComparer.Ordinal))
            {
                map.Errors.Add(path, $"{YamlScalars.Describe(node)} is not a choice of '{name}' (choices: {string.Join(", ", parameter.Choices)})", node);
                return null;
            }

            choices.Add(text);
        }

        return new SafeBound(name, double.NaN, double.NaN, choices);
    }

    private static bool TryNumber(YamlNode node, out double value)
    {
        value = double.NaN;
        return node is YamlScalarNode { Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value);
    }
}
