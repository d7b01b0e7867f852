using System.Globalization;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>The campaign's own fields: name, site, budget, parallelism, priority, objective, proposer settings and the ids they derive.</summary>
internal static class CampaignRules
{
    /// <summary>Most GP optimizer restarts a campaign may ask for.</summary>
    public const int MaxRestarts = 100;

    /// <summary>Most candidates scored per proposal.</summary>
    public const int MaxCandidates = 1_000_000;

    public static void Check(CampaignDefinition campaign, ProblemList problems)
    {
        var nameValid = IdRules.IsValid(campaign.Name);
        if (!nameValid)
        {
            problems.Add("name", $"'{campaign.Name}' is not a valid campaign name; use letters, digits, '-', '_' or '.'");
        }

        if (campaign.Site.Value is null)
        {
            problems.Add("site", "a site id is required; use letters, digits, '-', '_' or '.'");
        }

        if (campaign.Budget < 1)
        {
            problems.Add("budget", Invariant($"must be at least 1 (got {campaign.Budget})"));
        }
        else if (campaign.Parallel < 1 || campaign.Parallel > campaign.Budget)
        {
            problems.Add("parallel", Invariant($"must be between 1 and {campaign.Budget} (the budget) (got {campaign.Parallel})"));
        }

        if (campaign.Pool is { } pool && campaign.Budget > pool.Candidates.Count)
        {
            problems.Add("budget", Invariant($"must be at most the pool's {pool.Candidates.Count} candidates (got {campaign.Budget})"));
        }

        if (campaign.Priority is < CampaignDefinition.LowestPriority or > CampaignDefinition.HighestPriority)
        {
            problems.Add("priority", Invariant($"must be between {CampaignDefinition.LowestPriority} and {CampaignDefinition.HighestPriority} (got {campaign.Priority})"));
        }

        CheckProposer(campaign, problems);
        if (nameValid && campaign.Budget >= 1 && campaign.Steps.Count > 0)
        {
            CheckDerivedIds(campaign, problems);
        }
    }

    private static void CheckProposer(CampaignDefinition campaign, ProblemList problems)
    {
        var settings = campaign.Proposer;
        CheckKind(settings.InitialDesign, "initial_design.kind", "initial design kind", problems);
        CheckKind(settings.Surrogate, "surrogate.kind", "surrogate kind", problems);
        CheckKind(settings.Kernel, "surrogate.kernel", "kernel", problems);
        CheckKind(settings.Acquisition, "acquisition.kind", "acquisition kind", problems);
        // An initial design longer than the budget only means the model never takes over (a campaign file, written by
        // hand, is held to count <= budget when it is read, as the likelier mistake).
        if (settings.InitialCount < 1)
        {
            problems.Add("initial_design.count", Invariant($"must be at least 1 (got {settings.InitialCount})"));
        }

        if (settings.Restarts is < 0 or > MaxRestarts)
        {
            problems.Add("surrogate.restarts", Invariant($"must be between 0 and {MaxRestarts} (got {settings.Restarts})"));
        }

        CheckNonNegative(settings.Xi, "acquisition.xi", problems);
        CheckNonNegative(settings.Beta, "acquisition.beta", problems);
        if (settings.CandidateCount is < 1 or > MaxCandidates)
        {
            problems.Add("acquisition.candidates", Invariant($"must be between 1 and {MaxCandidates} (got {settings.CandidateCount})"));
        }

        // The loader puts the pool's candidates into the settings; a definition built in code must do the same.
        if (campaign.Pool is { } pool && !ReferenceEquals(settings.Pool, pool.Candidates))
        {
            problems.Add("pool", "the proposer settings' Pool must be the campaign pool's Candidates, so the proposer chooses among them");
        }

        if (!ReferenceEquals(settings.PriorMean, campaign.Pool?.PriorMean))
        {
            problems.Add("pool.prior_model", "the proposer settings' PriorMean must be the campaign pool's PriorMean (null without a pool or prior model)");
        }

        if (settings.PriorMean is not null && campaign.IsMultiObjective)
        {
            problems.Add("pool.prior_model", "a prior mean predicts one objective; with several objectives use 'as: feature'");
        }
    }

    /// <summary>
    /// Every id the campaign derives (experiments, commands with their step, re-send and busy suffixes) must be a valid id:
    /// the longest one is computed with the runners' own derivation (<see cref="LongestIds"/>) and checked against the limit.
    /// </summary>
    private static void CheckDerivedIds(CampaignDefinition campaign, ProblemList problems)
    {
        var longest = LongestIds.Command(campaign.Name, campaign.Budget, campaign.Steps);
        if (longest.Length > IdRules.MaxLength)
        {
            problems.Add(
                "name",
                $"'{campaign.Name}' ({campaign.Name.Length} characters) is too long: the command ids derived from it ({{name}}-{{yyyyMMdd-HHmmss}}[-n]-e{{experiment}}-s{{step}}[-a{{send}}][-r{{attempt}}]) "
                + $"reach {longest.Length} characters with this budget and these steps, over the id limit of {IdRules.MaxLength}; shorten the name by at least {longest.Length - IdRules.MaxLength} characters");
        }
    }

    private static void CheckKind<TEnum>(TEnum value, string path, string what, ProblemList problems)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            problems.Add(path, $"'{value}' is not a known {what}");
        }
    }

    private static void CheckNonNegative(double value, string path, ProblemList problems)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            problems.Add(path, $"must be at least 0 (got {ProblemList.Format(value)})");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
