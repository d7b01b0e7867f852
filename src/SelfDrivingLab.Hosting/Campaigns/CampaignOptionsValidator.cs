using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>Checks <see cref="CampaignOptions"/>' validation attributes without reflection (source-generated). Thread-safe.</summary>
[OptionsValidator]
internal sealed partial class CampaignOptionsValidator : IValidateOptions<CampaignOptions>
{
}
