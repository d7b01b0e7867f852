using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>The approval policy's safe bounds name parameters of the space, in their kind: choices of a categorical, an ordered range of a number.</summary>
internal static class ApprovalRules
{
    public static void Check(CampaignDefinition campaign, ProblemList problems)
    {
        if (campaign.Approval is not { } approval)
        {
            return;
        }

        var parameters = campaign.Space.Parameters;
        foreach (var bound in approval.SafeBounds)
        {
            var path = $"approval.safe_bounds.{bound.Parameter}";
            switch (parameters.FirstOrDefault(p => p.Name == bound.Parameter))
            {
                case null:
                    var hint = NameSuggestion.Closest(bound.Parameter, parameters.Select(p => p.Name)) is { } match ? $"; did you mean '{match}'?" : string.Empty;
                    problems.Add(path, $"'{bound.Parameter}' is not a parameter of the search space{hint}");
                    break;
                case CategoricalParameter categorical when bound.Choices is null:
                    problems.Add(path, $"expected the safe choices of the categorical parameter '{bound.Parameter}', e.g. [{string.Join(", ", categorical.Choices.Take(2))}]");
                    break;
                case CategoricalParameter categorical:
                    foreach (var (choice, index) in bound.Choices.Select((c, i) => (c, i)).Where(c => !categorical.Choices.Contains(c.c, StringComparer.Ordinal)))
                    {
                        problems.Add($"{path}[{index}]", $"'{choice}' is not a choice of '{bound.Parameter}' (choices: {string.Join(", ", categorical.Choices)})");
                    }

                    break;
                case var _ when bound.Choices is not null || !double.IsFinite(bound.Min) || !double.IsFinite(bound.Max):
                    problems.Add(path, $"expected [min, max] with two numbers for the numeric parameter '{bound.Parameter}', e.g. [25, 300]");
                    break;
                case var _ when bound.Min > bound.Max:
                    problems.Add(path, $"the lower bound {ProblemList.Format(bound.Min)} is above the upper bound {ProblemList.Format(bound.Max)}");
                    break;
            }
        }
    }
}
