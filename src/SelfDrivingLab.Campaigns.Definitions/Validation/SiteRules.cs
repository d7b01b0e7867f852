using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Where things stand across a facility's sites: a simulator's <c>site:</c> and, in a facility file, a step's
/// <c>site:</c> (or a transfer's <c>to:</c>) name the facility's own site or one of its <c>sites:</c>; a step that runs at
/// a site (its own <c>site:</c>, or where a transfer shipped the sample) is offered there by a simulator (when the
/// instruments are simulated).
/// </summary>
internal static class SiteRules
{
    public static void Check(FacilityDefinition facility, ProblemList problems)
    {
        var known = facility.OtherSites.Select(s => s.Id).Prepend(facility.Site).ToList();
        var names = string.Join(", ", known.Select(s => $"'{s}'"));
        for (var index = 0; index < facility.Simulators.Count; index++)
        {
            if (facility.Simulators[index].Site is { } site && !known.Contains(site))
            {
                problems.Add($"simulators[{index}].site", $"'{site}' is not a site of this facility (known: {names}); list the other sites under the facility file's sites:");
            }
        }

        if (facility.IsSingleCampaign)
        {
            // A campaign file knows no other sites: its steps may name sites whose (real) instruments a broker bridges in
            // (run with --external-instruments), so only its simulators are held to its own site.
            return;
        }

        for (var c = 0; c < facility.Campaigns.Count; c++)
        {
            var campaign = facility.Campaigns[c];
            for (var s = 0; s < campaign.Steps.Count; s++)
            {
                if ((campaign.Steps[s].Transfer?.To ?? campaign.Steps[s].Site) is { } site && !known.Contains(site))
                {
                    problems.Add($"campaigns[{c}]", $"campaign '{campaign.Name}' step '{campaign.Steps[s].Name}' names site '{site}', which is not a site of this facility (known: {names})");
                }
            }

            CheckCoverage(facility, campaign, $"campaigns[{c}]", problems);
        }
    }

    // A step pinned to a site needs an instrument there; with simulated instruments that is checkable now.
    private static void CheckCoverage(FacilityDefinition facility, CampaignDefinition campaign, string path, ProblemList problems)
    {
        if (facility.Simulators.Count == 0)
        {
            return;
        }

        var steps = SampleSites.Resolve(campaign.Steps);
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            if (step.Transfer is null && step.Site is { } site && !facility.Simulators.Any(i => i.Capability == step.Capability && SiteOf(i, facility) == site))
            {
                problems.Add(path, $"campaign '{campaign.Name}' step '{step.Name}' runs at site '{site}' but no simulator there offers '{step.Capability}'");
            }
        }
    }

    /// <summary>The site a simulated instrument stands at: its own <c>site:</c>, else the facility's.</summary>
    public static SiteId SiteOf(SimulatedInstrumentDefinition simulator, FacilityDefinition facility) => simulator.Site ?? facility.Site;
}
