using System.Globalization;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>Carries out one operator request against the running campaigns and instruments. Thread-safe.</summary>
public sealed class ControlRequestHandler
{
    private readonly CampaignControl _campaigns;
    private readonly IInstrumentServiceControl? _instruments;

    /// <summary>Creates the handler; without <paramref name="instruments"/>, return-to-service is refused.</summary>
    public ControlRequestHandler(CampaignControl campaigns, IInstrumentServiceControl? instruments = null)
    {
        _campaigns = campaigns;
        _instruments = instruments;
    }

    /// <summary>The answer to <paramref name="request"/> (already validated by <see cref="ControlReader"/>).</summary>
    public ControlResponse Handle(ControlRequest request)
    {
        var target = request.Target ?? string.Empty;
        var result = request.Action switch
        {
            ControlAction.Status => OperatorResult.Done("status"),
            ControlAction.Pause => _campaigns.Pause(target, request.Operator, request.Reason),
            ControlAction.Resume => _campaigns.Resume(target, request.Operator),
            ControlAction.Abort => _campaigns.Abort(target, request.Operator, request.Reason),
            ControlAction.Approve => _campaigns.Approve(target, request.Operator, request.Reason),
            ControlAction.Reject => _campaigns.Reject(target, request.Operator, request.Reason),
            ControlAction.ReturnToService => _instruments?.ReturnToService(target, request.Operator)
                ?? OperatorResult.Refused("this host has no instrument quarantine"),
            ControlAction.Admit => _instruments?.Admit(target, request.Operator)
                ?? OperatorResult.Refused("this host does not admit instruments"),
            _ => OperatorResult.Refused($"unknown action {request.Action}"),
        };
        return request.Action == ControlAction.Status
            ? Status(request.RequestId)
            : new ControlResponse(request.RequestId, result.Succeeded, result.Message);
    }

    private ControlResponse Status(string requestId)
    {
        var campaigns = _campaigns.Campaigns
            .Select(c => new ControlCampaignState(c.Campaign.Value, c.Name, c.State, c.Priority, c.ChangedBy, c.Reason, c.PendingApprovals))
            .ToList();
        var pending = _campaigns.PendingApprovals
            .Select(p => new ControlPendingApproval(
                p.Experiment.Value,
                p.Campaign.Value,
                p.Parameters.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal),
                p.Why,
                p.Since))
            .ToList();
        var quarantined = _instruments?.Quarantined ?? [];
        var awaiting = _instruments?.AwaitingAdmission ?? [];
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"{campaigns.Count} campaign(s) running, {pending.Count} proposal(s) waiting for approval, {quarantined.Count} instrument(s) quarantined, {awaiting.Count} waiting for admission");
        return new ControlResponse(requestId, true, message, campaigns, pending, quarantined, awaiting);
    }
}
