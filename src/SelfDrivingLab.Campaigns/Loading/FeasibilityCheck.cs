using System.Globalization;
using SelfDrivingLab.Optimization.Space;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Checks at load that the space's constraints leave points for the proposer: exactly by linear programming
/// (<see cref="SpaceFeasibility"/>), naming the constraints that conflict, and then with the proposer's own random
/// draws (<see cref="SpaceEncoder.Sample"/>), which must find a point in <see cref="SpaceEncoder.MaxConstraintAttempts"/> tries.
/// </summary>
internal static class FeasibilityCheck
{
    /// <summary>False (with an error recorded) when no proposal could satisfy the constraints.</summary>
    public static bool Check(
        YamlMap root,
        SearchSpace space,
        IReadOnlyList<(LinearConstraint Constraint, YamlScalarNode Node, string Path)> constraints,
        IReadOnlyList<(MixtureConstraint Mixture, YamlNode Node, string Path)> mixtures)
    {
        if (space.Constraints.Count == 0)
        {
            return true;
        }

        var report = SpaceFeasibility.Analyze(space);
        if (report.Verdict is SpaceVerdict.Empty or SpaceVerdict.Thin)
        {
            var members = report.Constraints
                .Select(i => new Member(constraints[i].Path, $"'{constraints[i].Node.Value}'", constraints[i].Node, constraints[i].Constraint.Coefficients.Keys))
                .Concat(report.Mixtures.Select(i => new Member(
                    mixtures[i].Path,
                    $"the mixture of {string.Join(", ", mixtures[i].Mixture.Components)} summing to {YamlScalars.Format(mixtures[i].Mixture.Total)}",
                    mixtures[i].Node,
                    mixtures[i].Mixture.Components)))
                .OrderBy(m => m.Node.Start.Line)
                .ToList();
            // One member is already located by the error's own line; several are listed with theirs.
            var listed = members.Count == 1 ? members[0].Text : string.Join(members.Count == 2 ? " and " : ", ", members.Select(m => $"{m.Text} (line {m.Node.Start.Line})"));
            var names = members.SelectMany(m => m.Names).Distinct(StringComparer.Ordinal).ToList();
            var bounds = string.Join(", ", space.Parameters.Where(p => names.Contains(p.Name)).Select(Describe));
            var what = members.Count == 1 ? $"no point satisfies {listed}" : $"{listed} conflict: no point satisfies them together";
            var message = report.Verdict == SpaceVerdict.Empty
                ? $"the search space is empty: {what} within the bounds {bounds}; loosen or remove {(members.Count == 1 ? "it" : "one of them")}"
                : $"the constraints leave no room: {listed} can only hold with equality within the bounds {bounds}, which random proposals never hit; loosen one";
            root.Errors.Add(members[0].Path, message, members[0].Node);
            return false;
        }

        try
        {
            // The proposer's own draws (the initial design falls back on them) must find the region; seeded, so the check is repeatable.
            _ = new SpaceEncoder(space).Sample(new Random(0));
            return true;
        }
        catch (InfeasibleSpaceException)
        {
            var first = constraints[0];
            root.Errors.Add(
                "constraints",
                string.Create(CultureInfo.InvariantCulture, $"the constraints leave too little room: none of {SpaceEncoder.MaxConstraintAttempts:N0} random draws satisfied them all, so the proposer cannot find points; loosen them"),
                first.Node);
            return false;
        }
    }

    private static string Describe(SpaceParameter parameter) => parameter switch
    {
        ContinuousParameter c => $"{c.Name} in [{YamlScalars.Format(c.Low)}, {YamlScalars.Format(c.High)}]",
        IntegerParameter { Step: 1 } i => $"{i.Name} in {i.Low}..{i.High}",
        IntegerParameter i => $"{i.Name} in {i.Low}..{i.High} step {i.Step}",
        _ => parameter.Name,
    };

    private sealed record Member(string Path, string Text, YamlNode Node, IEnumerable<string> Names);
}
