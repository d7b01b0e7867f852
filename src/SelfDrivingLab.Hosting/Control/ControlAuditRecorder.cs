using System.Text.Json;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>
/// Stores what an operator's request did before it is answered: the request in the audit trail (accepted or refused; a
/// status query is not stored), and, for a pause or resume, the campaign's pause, so a restarted host resumes it paused.
/// Thread-safe.
/// </summary>
internal sealed class ControlAuditRecorder(IControlAuditLedger audit, ILedger ledger, CampaignControl campaigns, TimeProvider time, string site)
{
    /// <summary>
    /// Stores <paramref name="request"/> and its <paramref name="response"/>; <paramref name="identity"/> is the
    /// authenticated identity the broker let publish the request. Throws <see cref="LedgerException"/> when the ledger refuses.
    /// </summary>
    public async Task RecordAsync(ControlRequest request, ControlResponse response, string? clientId, string? identity, CancellationToken cancellationToken)
    {
        if (request.Action == ControlAction.Status)
        {
            return;
        }

        if (response.Ok && request.Action is ControlAction.Pause or ControlAction.Resume)
        {
            foreach (var campaign in campaigns.Campaigns.Where(c => c.Campaign.Value == request.Target || c.Name == request.Target))
            {
                await ledger.SetCampaignPauseAsync(campaign.Campaign, campaigns.PauseOf(campaign.Campaign), cancellationToken).ConfigureAwait(false);
            }
        }

        await audit.RecordControlRequestAsync(
            new ControlRequestRecord(
                time.GetUtcNow(),
                site,
                request.RequestId,
                request.Operator,
                JsonNamingPolicy.SnakeCaseLower.ConvertName(request.Action.ToString()),
                request.Target,
                request.Reason,
                response.Ok ? ControlRequestOutcome.Accepted : ControlRequestOutcome.Refused,
                response.Message)
            {
                ClientId = clientId,
                Identity = identity,
            },
            cancellationToken).ConfigureAwait(false);
    }
}
