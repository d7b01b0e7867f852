using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Hosting;

/// <summary>
/// The host runs only valid definitions: whatever it is given — read from a file or built in code — passes
/// <see cref="CampaignValidator"/> before anything starts (no broker, no ledger, no instrument).
/// </summary>
internal static class DefinitionCheck
{
    /// <summary>Throws a start-up <see cref="CampaignHostException"/> listing every problem of <paramref name="facility"/>.</summary>
    public static void ThrowIfInvalid(FacilityDefinition facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        var problems = CampaignValidator.Validate(facility);
        if (problems.Count == 0)
        {
            return;
        }

        var what = facility.IsSingleCampaign
            ? $"campaign '{facility.Campaigns[0].Name}' is not valid"
            : $"facility '{facility.Name}' is not valid";
        throw new CampaignHostException(CampaignValidator.Describe(what, problems)) { IsStartupFailure = true };
    }
}
