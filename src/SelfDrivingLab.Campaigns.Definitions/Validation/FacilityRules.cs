namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>A facility's campaigns: distinct names, the facility's site, and shared instruments that offer every step's capability.</summary>
internal static class FacilityRules
{
    public static void Check(FacilityDefinition facility, ProblemList problems)
    {
        if (facility.Campaigns.Count == 0)
        {
            problems.Add("campaigns", "a facility needs at least one campaign");
        }

        var offered = facility.Simulators.Select(s => s.Capability).ToHashSet(StringComparer.Ordinal);
        for (var index = 0; index < facility.Campaigns.Count; index++)
        {
            var campaign = facility.Campaigns[index];
            var path = $"campaigns[{index}]";
            if (facility.Campaigns.Take(index).Any(c => c.Name == campaign.Name))
            {
                problems.Add(path, $"two campaigns are named '{campaign.Name}'; campaign names must differ");
            }

            if (campaign.Site != facility.Site)
            {
                problems.Add(path, $"campaign '{campaign.Name}' uses site '{campaign.Site}', the facility uses '{facility.Site}'");
            }

            if (facility.Simulators.Count > 0 && !IsSingle(facility))
            {
                foreach (var step in campaign.Steps.Where(s => !offered.Contains(s.Capability)))
                {
                    problems.Add(path, $"campaign '{campaign.Name}' step '{step.Name}' needs capability '{step.Capability}', which no simulator of the facility offers");
                }
            }
        }

        if (!IsSingle(facility))
        {
            SimulatorRules.CheckEach(facility.Simulators, "simulators", problems);
        }
    }

    private static bool IsSingle(FacilityDefinition facility) => facility.IsSingleCampaign;
}
