namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Checks that a campaign definition can run, whether it was read from a file or built in code: its fields are in
/// range, its references resolve (command parameters to search-space parameters and earlier steps' outputs, policies
/// to earlier steps, safe bounds to parameters), the ids it derives stay within the id limit, its constraints leave
/// points to propose, and its simulators can run its workflow and measure its objective. Every problem is returned,
/// each with the path of what is wrong in the campaign file's words (<c>workflow[1].retry.attempts</c>). The campaign
/// loader reports them with their lines; the host refuses a campaign with any. Stateless and thread-safe.
/// </summary>
public static class CampaignValidator
{
    /// <summary>
    /// Every problem of <paramref name="campaign"/>, in the order the rules find them (empty when it is valid).
    /// <paramref name="source"/> lets problems that name several parts quote them as written and give their lines.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> Validate(CampaignDefinition campaign, IDefinitionSource? source = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var problems = new ProblemList();
        CampaignRules.Check(campaign, problems);
        ObjectiveRules.Check(campaign, problems);
        PriorRules.Check(campaign, problems);
        SpaceRules.Check(campaign, source, problems);
        ApprovalRules.Check(campaign, problems);
        WorkflowRules.Check(campaign, problems);
        SimulatorRules.Check(campaign, problems);
        return problems.Problems;
    }

    /// <summary>
    /// Every problem of <paramref name="facility"/>: its own (campaign names, sites, shared instruments covering every
    /// step) with paths like <c>campaigns[1]</c>, then each campaign's, with paths prefixed <c>campaigns[i].</c>.
    /// </summary>
    public static IReadOnlyList<ValidationProblem> Validate(FacilityDefinition facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        var problems = new ProblemList();
        FacilityRules.Check(facility, problems);
        var all = new List<ValidationProblem>(problems.Problems);
        if (facility.IsSingleCampaign)
        {
            // A campaign run on its own: its problems are the campaign file's, unprefixed.
            all.AddRange(Validate(facility.Campaigns[0]));
            return all;
        }

        for (var index = 0; index < facility.Campaigns.Count; index++)
        {
            all.AddRange(Validate(facility.Campaigns[index]).Select(p => p with { Path = ProblemList.Join($"campaigns[{index}]", p.Path) }));
        }

        return all;
    }

    /// <summary>
    /// The problems as one text for people: <c>campaign 'x': 2 problems:</c> followed by one indented
    /// <c>path: message</c> line per problem.
    /// </summary>
    public static string Describe(string what, IReadOnlyList<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count == 1 ? "1 problem" : $"{problems.Count} problems";
        return $"{what}: {count}:" + string.Concat(problems.Select(p => "\n  " + p));
    }
}
