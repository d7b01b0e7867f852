using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>Checks <see cref="CampaignLeaseOptions"/>' validation attributes without reflection (source-generated). Thread-safe.</summary>
[OptionsValidator]
internal sealed partial class CampaignLeaseOptionsValidator : IValidateOptions<CampaignLeaseOptions>
{
}
