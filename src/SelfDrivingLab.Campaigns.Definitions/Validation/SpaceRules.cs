using System.Globalization;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The space's constraints leave points for the proposer: exactly by linear programming (<see cref="SpaceFeasibility"/>),
/// naming the constraints that conflict, and then with the proposer's own random draws (<see cref="SpaceEncoder.Sample"/>),
/// which must find a point in <see cref="SpaceEncoder.MaxConstraintAttempts"/> tries. A search space checks its own
/// bounds, names and mixtures when it is built, so those need no rule here.
/// </summary>
internal static class SpaceRules
{
    public static void Check(CampaignDefinition campaign, IDefinitionSource? source, ProblemList problems)
    {
        var space = campaign.Space;
        if (space.Constraints.Count == 0)
        {
            return;
        }

        var report = SpaceFeasibility.Analyze(space);
        if (report.Verdict is SpaceVerdict.Empty or SpaceVerdict.Thin)
        {
            var path = Conflict(space, report, source, out var message);
            problems.Add(path, message);
            return;
        }

        try
        {
            // The proposer's own draws (the initial design falls back on them) must find the region; seeded, so the check is repeatable.
            _ = new SpaceEncoder(space).Sample(new Random(0));
        }
        catch (InfeasibleSpaceException)
        {
            problems.Add(
                "constraints",
                string.Create(CultureInfo.InvariantCulture, $"the constraints leave too little room: none of {SpaceEncoder.MaxConstraintAttempts:N0} random draws satisfied them all, so the proposer cannot find points; loosen them"));
        }
    }

    /// <summary>The path of the first conflicting member (in the file's order when there is a source), and the message naming them all.</summary>
    private static string Conflict(SearchSpace space, SpaceFeasibilityReport report, IDefinitionSource? source, out string message)
    {
        var members = report.Constraints
            .Select(i => new Member($"constraints[{i}]", $"'{source?.TextAt($"constraints[{i}]") ?? space.Constraints[i].ToString()}'", space.Constraints[i].Coefficients.Keys))
            .Concat(report.Mixtures.Select(i => new Member(
                $"mixtures[{i}]",
                $"the mixture of {string.Join(", ", space.Mixtures[i].Components)} summing to {ProblemList.Format(space.Mixtures[i].Total)}",
                space.Mixtures[i].Components)))
            .Select((m, order) => (Member: m, Line: source?.LineOf(m.Path), Order: order))
            .OrderBy(m => m.Line ?? int.MaxValue)
            .ThenBy(m => m.Order)
            .ToList();

        // One member is already located by the problem's own place; several are listed with theirs.
        var listed = members.Count == 1
            ? members[0].Member.Text
            : string.Join(members.Count == 2 ? " and " : ", ", members.Select(m => $"{m.Member.Text} ({(m.Line is { } line ? $"line {line}" : m.Member.Path)})"));
        var names = members.SelectMany(m => m.Member.Names).Distinct(StringComparer.Ordinal).ToList();
        var bounds = string.Join(", ", space.Parameters.Where(p => names.Contains(p.Name)).Select(Describe));
        var what = members.Count == 1 ? $"no point satisfies {listed}" : $"{listed} conflict: no point satisfies them together";
        message = report.Verdict == SpaceVerdict.Empty
            ? $"the search space is empty: {what} within the bounds {bounds}; loosen or remove {(members.Count == 1 ? "it" : "one of them")}"
            : $"the constraints leave no room: {listed} can only hold with equality within the bounds {bounds}, which random proposals never hit; loosen one";
        return members[0].Member.Path;
    }

    private static string Describe(SpaceParameter parameter) => parameter switch
    {
        ContinuousParameter c => $"{c.Name} in [{ProblemList.Format(c.Low)}, {ProblemList.Format(c.High)}]",
        IntegerParameter { Step: 1 } i => string.Create(CultureInfo.InvariantCulture, $"{i.Name} in {i.Low}..{i.High}"),
        IntegerParameter i => string.Create(CultureInfo.InvariantCulture, $"{i.Name} in {i.Low}..{i.High} step {i.Step}"),
        _ => parameter.Name,
    };

    private sealed record Member(string Path, string Text, IEnumerable<string> Names);
}
