using SelfDrivingLab.Optimization.Space;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Reads <c>space</c>, <c>mixtures</c> and <c>constraints</c> into a <see cref="SearchSpace"/> (whose constructor checks bounds, names and mixtures).</summary>
internal static class SpaceReader
{
    private enum ParameterType
    {
        Integer,
        Continuous,
        Categorical,
    }

    private static readonly (string, ParameterType)[] Types =
    [
        ("integer", ParameterType.Integer),
        ("continuous", ParameterType.Continuous),
        ("categorical", ParameterType.Categorical),
    ];

    /// <summary>The space (null when it has errors) and every parameter name declared, for checking <c>$name</c> references.</summary>
    public static (SearchSpace? Space, IReadOnlyList<string> Names) Read(YamlMap root)
    {
        var errors = root.Errors;
        var before = errors.Count;
        var items = root.List("space", required: true);
        if (items is { Count: 0 })
        {
            root.Error("space", "needs at least one parameter");
        }

        var parameters = new List<SpaceParameter>();
        var names = new List<string>();
        foreach (var (node, path) in items ?? [])
        {
            var map = YamlMap.From(node, path, errors);
            if (map is null)
            {
                continue;
            }

            var name = map.String("name", required: true);
            if (name is not null && names.Contains(name))
            {
                map.Error("name", $"parameter '{name}' is declared twice");
            }
            else if (name is not null)
            {
                names.Add(name);
            }

            if (ReadParameter(map, name) is { } parameter)
            {
                parameters.Add(parameter);
            }
        }

        var mixtures = ReadMixtures(root);
        var constraints = ConstraintReader.Read(root);
        if (errors.Count != before || items is null)
        {
            return (null, names);
        }

        SearchSpace space;
        try
        {
            space = new SearchSpace(parameters, [.. mixtures.Select(m => m.Mixture)], [.. constraints.Select(c => c.Constraint)]);
        }
        catch (ArgumentException ex)
        {
            var key = ex.Message.Contains("ixture", StringComparison.Ordinal) && root.Has("mixtures") ? "mixtures"
                : ex.Message.StartsWith("Constraint", StringComparison.Ordinal) ? "constraints"
                : "space";
            root.Error(key, ex.Message);
            return (null, names);
        }

        // Whether the constraints leave points to propose is the validator's question (SpaceRules), asked of the whole definition.
        return (space, names);
    }

    private static SpaceParameter? ReadParameter(YamlMap map, string? name)
    {
        switch (map.Choice("type", "parameter type", Types, required: true))
        {
            case ParameterType.Integer:
                map.CheckKeys("name", "type", "low", "high", "step", "unit");
                var low = map.Integer("low", required: true);
                var high = map.Integer("high", required: true);
                var step = map.Integer("step", min: 1);
                if (low >= high)
                {
                    map.Error("high", $"must be above low ({low}) (got {high})");
                    return null;
                }

                return name is null || low is null || high is null || (map.Has("step") && step is null)
                    ? null
                    : new IntegerParameter(name, low.Value, high.Value, step ?? 1);

            case ParameterType.Continuous:
                map.CheckKeys("name", "type", "low", "high", "log", "unit");
                var lowNumber = map.Number("low", required: true);
                var highNumber = map.Number("high", required: true);
                var log = map.Boolean("log") ?? false;
                if (lowNumber >= highNumber)
                {
                    map.Error("high", $"must be above low ({YamlScalars.Format(lowNumber.Value)}) (got {YamlScalars.Format(highNumber!.Value)})");
                    return null;
                }

                if (log && lowNumber <= 0)
                {
                    map.Error("low", $"a log-scale range needs low > 0 (got {YamlScalars.Format(lowNumber.Value)})");
                    return null;
                }

                return name is null || lowNumber is null || highNumber is null ? null : new ContinuousParameter(name, lowNumber.Value, highNumber.Value, log);

            case ParameterType.Categorical:
                map.CheckKeys("name", "type", "choices");
                var choices = map.StringList("choices", required: true);
                if (choices is { Count: < 2 })
                {
                    map.Error("choices", $"needs at least two choices (got {choices.Count})");
                    return null;
                }

                if (choices is not null && choices.Distinct(StringComparer.Ordinal).Count() != choices.Count)
                {
                    map.Error("choices", "choices must be distinct");
                    return null;
                }

                return name is null || choices is null ? null : new CategoricalParameter(name, choices);

            default:
                map.CheckKeys("name", "type", "low", "high", "step", "log", "choices");
                return null;
        }
    }

    private static List<(MixtureConstraint Mixture, YamlNode Node, string Path)> ReadMixtures(YamlMap root)
    {
        var mixtures = new List<(MixtureConstraint, YamlNode, string)>();
        foreach (var (node, path) in root.List("mixtures") ?? [])
        {
            if (YamlMap.From(node, path, root.Errors) is not { } map)
            {
                continue;
            }

            map.CheckKeys("components", "total");
            var components = map.StringList("components", required: true);
            var total = map.Number("total") ?? 1.0;
            if (components is not null)
            {
                mixtures.Add((new MixtureConstraint(components, total), node, path));
            }
        }

        return mixtures;
    }
}
