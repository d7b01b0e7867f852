using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>
/// Before any instrument starts or any campaign writes, plans every campaign against the ledger
/// (<see cref="CampaignResumePlan"/>) and refuses the start — naming each change, writing nothing — when a running
/// campaign of the same name would be resumed under a definition that changed in what defines it and the changes were
/// not accepted. Starts right after the ledger is open.
/// </summary>
internal sealed class CampaignResumeCheck(ILedger ledger, FacilityDefinition facility, bool acceptChanges) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var refusals = new List<string>();
        foreach (var campaign in facility.Campaigns)
        {
            var plan = await CampaignResumePlan.ForAsync(ledger, campaign, acceptChanges, cancellationToken).ConfigureAwait(false);
            if (plan.IsRefused)
            {
                refusals.Add(plan.Refusal(campaign));
            }
        }

        if (refusals.Count > 0)
        {
            throw new CampaignHostException(string.Join("\n", refusals));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
