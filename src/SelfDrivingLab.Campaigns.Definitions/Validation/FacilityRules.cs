namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// A facility's campaigns: distinct names, the facility's site, and shared instruments that offer every step's capability;
/// its access: an instrument identity that is not a simulator names the capabilities it is admitted for.
/// </summary>
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
                foreach (var step in campaign.Steps.Where(s => s.Transfer is null && !offered.Contains(s.Capability)))
                {
                    problems.Add(path, $"campaign '{campaign.Name}' step '{step.Name}' needs capability '{step.Capability}', which no simulator of the facility offers");
                }
            }
        }

        if (!IsSingle(facility))
        {
            SimulatorRules.CheckEach(facility.Simulators, "simulators", problems);
        }

        if (!IsSingle(facility))
        {
            // A single campaign's are its own problems (SimulatorRules), reported once.
            SiteRules.Check(facility, problems);
        }

        CheckAccess(facility, problems);
    }

    private static void CheckAccess(FacilityDefinition facility, ProblemList problems)
    {
        var identities = facility.Access?.Identities ?? [];
        var simulators = facility.Simulators.Select(s => s.Id.Value).ToHashSet(StringComparer.Ordinal);
        for (var index = 0; index < identities.Count; index++)
        {
            var identity = identities[index];
            var path = $"access.identities[{index}]";
            if (identity.Role != Core.Security.BrokerRole.Instrument && identity.Capabilities.Count > 0)
            {
                problems.Add(path, $"identity '{identity.Name}' is not an instrument: only instruments are admitted for capabilities");
            }
            else if (identity.Role == Core.Security.BrokerRole.Instrument && identity.Capabilities.Count == 0 && !simulators.Contains(identity.Name))
            {
                problems.Add(path, $"instrument '{identity.Name}' lists no capabilities: name those it is admitted for (e.g. capabilities: [xrd]); without them it would never be commanded");
            }
        }
    }

    private static bool IsSingle(FacilityDefinition facility) => facility.IsSingleCampaign;
}
