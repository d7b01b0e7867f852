using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Where the sample is at each step of a workflow. It is unknown until a step names its <c>site:</c> or a transfer
/// ships it; from then on a step that names no site runs where the sample is. Stateless and thread-safe.
/// </summary>
public static class SampleSites
{
    /// <summary>
    /// The site each step runs at: its own <c>site:</c>, else where the sample is, else null (any site whose link is up,
    /// the campaign's own first). A transfer step's entry is where it ships the sample to.
    /// </summary>
    public static IReadOnlyList<SiteId?> Of(IReadOnlyList<WorkflowStepDefinition> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var sites = new List<SiteId?>(steps.Count);
        SiteId? at = null;
        foreach (var step in steps)
        {
            at = step.Transfer?.To ?? step.Site ?? at;
            sites.Add(at);
        }

        return sites;
    }

    /// <summary>The steps as they run: each that names no site takes the one where the sample is (<see cref="Of"/>).</summary>
    public static IReadOnlyList<WorkflowStepDefinition> Resolve(IReadOnlyList<WorkflowStepDefinition> steps)
    {
        var sites = Of(steps);
        return [.. steps.Select((s, i) => s.Transfer is null && s.Site is null && sites[i] is { } site ? s with { Site = site } : s)];
    }
}
