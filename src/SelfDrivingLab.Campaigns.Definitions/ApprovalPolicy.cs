using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// When a proposal needs a person's approval before its first step: a proposal whose every bounded
/// parameter lies inside its <see cref="SafeBounds"/> is approved by policy; any other waits for an
/// operator (<c>sdl control approve|reject</c>). With no bounds, every proposal waits. Immutable.
/// </summary>
/// <param name="SafeBounds">Per-parameter safe values; parameters without a bound are not restricted.</param>
public sealed record ApprovalPolicy(IReadOnlyList<SafeBound> SafeBounds)
{
    /// <summary>Who approved a proposal the policy let through (as stored in the ledger).</summary>
    public const string PolicyApprover = "policy";

    /// <summary>
    /// True when <paramref name="parameters"/> may start without a person; otherwise
    /// <paramref name="why"/> lists every bound it breaks (or says that every proposal needs approval).
    /// </summary>
    public bool AutoApproves(ParameterSet parameters, out string why)
    {
        if (SafeBounds.Count == 0)
        {
            why = "the campaign has no safe bounds: every proposal needs an operator's approval";
            return false;
        }

        var problems = new List<string>();
        foreach (var bound in SafeBounds)
        {
            if (!parameters.TryGetValue(bound.Parameter, out var value))
            {
                problems.Add($"{bound.Parameter} is missing");
            }
            else if (!bound.Contains(value, out var problem))
            {
                problems.Add(problem);
            }
        }

        why = problems.Count == 0 ? "inside the safe bounds" : string.Join("; ", problems);
        return problems.Count == 0;
    }
}
