using System.Globalization;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>Carries out one operator request against the running campaigns and instruments. Thread-safe.</summary>
public sealed class ControlRequestHandler
{
    private readonly CampaignControl _campaigns;
    private readonly IInstrumentServiceControl? _instruments;
    private readonly Dictionary<string, BrokerRole>? _roles;

    /// <summary>Creates the handler; without <paramref name="instruments"/>, return-to-service and admit are refused.</summary>
    /// <param name="campaigns">The running campaigns.</param>
    /// <param name="instruments">Quarantine and admission, if this host has them.</param>
    /// <param name="identities">
    /// The facility's identities: only an operator may act, an observer may ask for the status, anyone else is refused
    /// (a second check behind the broker's ACL, for a broker that enforces none). Null: no check.
    /// </param>
    public ControlRequestHandler(CampaignControl campaigns, IInstrumentServiceControl? instruments = null, IEnumerable<BrokerIdentity>? identities = null)
    {
        _campaigns = campaigns;
        _instruments = instruments;
        _roles = identities?.ToDictionary(i => i.Name, i => i.Role, StringComparer.Ordinal);
    }

    /// <summary>The answer to <paramref name="request"/> (already validated by <see cref="ControlReader"/>; its operator is the requesting identity).</summary>
    public ControlResponse Handle(ControlRequest request)
    {
        if (Forbidden(request) is { } refusal)
        {
            return new ControlResponse(request.RequestId, false, refusal);
        }

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

    private string? Forbidden(ControlRequest request)
    {
        if (_roles is null)
        {
            return null;
        }

        if (!_roles.TryGetValue(request.Operator, out var role))
        {
            return $"'{request.Operator}' is not an identity of this facility";
        }

        return role == BrokerRole.Operator || (role == BrokerRole.Observer && request.Action == ControlAction.Status)
            ? null
            : $"'{request.Operator}' is {(role == BrokerRole.Observer ? "an observer" : $"an {role.ToString().ToLowerInvariant()}")}: only an operator may {ActionWord(request.Action)}";
    }

    private static string ActionWord(ControlAction action) => action switch
    {
        ControlAction.ReturnToService => "return an instrument to service",
        ControlAction.Status => "ask for the status",
        _ => action.ToString().ToLowerInvariant(),
    };

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
