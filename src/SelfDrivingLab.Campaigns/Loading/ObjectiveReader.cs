using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads <c>objective</c> (one objective) or <c>objectives</c> (a list of them), exactly one of the two:
/// each <c>{ output, goal: maximize | minimize | target, target?, at_least?, at_most? }</c>.
/// </summary>
internal static class ObjectiveReader
{
    private static readonly (string, ObjectiveGoal)[] Goals =
    [
        ("maximize", ObjectiveGoal.Maximize),
        ("minimize", ObjectiveGoal.Minimize),
        ("target", ObjectiveGoal.Target),
    ];

    /// <summary>The objectives (null when they have errors) and whether they were given as a list.</summary>
    public static (IReadOnlyList<Objective>? Objectives, bool IsList) Read(YamlMap root)
    {
        if (root.Has("objectives"))
        {
            if (root.Has("objective"))
            {
                root.Error("objectives", "give either 'objective' (one) or 'objectives' (a list), not both");
                return (null, true);
            }

            var items = root.List("objectives", required: true);
            if (items is { Count: 0 })
            {
                root.Error("objectives", "needs at least one objective, e.g. - { output: yield, goal: maximize }");
                return (null, true);
            }

            var objectives = (items ?? []).Select(item => YamlMap.From(item.Node, item.Path, root.Errors) is { } map ? ReadOne(map) : null).ToList();
            return (objectives.Any(o => o is null) ? null : [.. objectives.OfType<Objective>()], true);
        }

        if (root.Map("objective", required: true) is not { } single)
        {
            return (null, false);
        }

        return ReadOne(single) is { } objective ? ([objective], false) : (null, false);
    }

    private static Objective? ReadOne(YamlMap map)
    {
        map.CheckKeys("output", "goal", "target", "at_least", "at_most", "unit");
        var output = map.String("output", required: true);
        var goal = map.Choice("goal", "goal", Goals, required: true);
        var target = map.Number("target");
        var atLeast = map.Number("at_least");
        var atMost = map.Number("at_most");
        if (goal is ObjectiveGoal.Target && target is null && !map.Has("target"))
        {
            map.Error("target", "goal 'target' needs a target value, e.g. target: 1.34");
            return null;
        }

        if (goal is ObjectiveGoal.Maximize or ObjectiveGoal.Minimize && map.Has("target"))
        {
            map.Error("target", "'target' applies only to goal: target");
            return null;
        }

        var unread = (map.Has("target") && target is null) || (map.Has("at_least") && atLeast is null) || (map.Has("at_most") && atMost is null);
        return output is null || goal is null || unread
            ? null
            : new Objective(output, goal.Value, target) { AtLeast = atLeast, AtMost = atMost };
    }
}
