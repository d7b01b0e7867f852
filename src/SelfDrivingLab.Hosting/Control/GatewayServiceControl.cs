using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>The operator's view of the gateway's quarantine and admission for one site.</summary>
internal sealed class GatewayServiceControl(PooledInstrumentGateway gateway, SiteId site) : IInstrumentServiceControl
{
    public IReadOnlyList<ControlQuarantinedInstrument> Quarantined =>
        [.. gateway.Quarantined.Select(q => new ControlQuarantinedInstrument(q.Site.Value, q.Instrument.Value, q.Reason, q.Since))];

    public IReadOnlyList<ControlInstrumentAwaitingAdmission> AwaitingAdmission =>
        [.. gateway.AwaitingAdmission.Select(a => new ControlInstrumentAwaitingAdmission(a.Site.Value, a.Instrument.Value, a.Announced, a.Reason, a.Since))];

    public OperatorResult Admit(string instrument, string operatorName)
    {
        if (!IdRules.IsValid(instrument))
        {
            return OperatorResult.Refused($"'{instrument}' is not a valid instrument id");
        }

        return gateway.Admit(site, new InstrumentId(instrument), operatorName) is { } refusal
            ? OperatorResult.Refused(refusal)
            : OperatorResult.Done($"{site}/{instrument} admitted by {operatorName} for what it announces");
    }

    public OperatorResult ReturnToService(string instrument, string operatorName)
    {
        if (!IdRules.IsValid(instrument))
        {
            return OperatorResult.Refused($"'{instrument}' is not a valid instrument id");
        }

        if (gateway.ReturnToService(site, new InstrumentId(instrument), operatorName))
        {
            return OperatorResult.Done($"{site}/{instrument} returned to service by {operatorName}");
        }

        var quarantined = gateway.Quarantined;
        var list = quarantined.Count == 0 ? "none is quarantined" : "quarantined: " + string.Join(", ", quarantined.Select(q => $"{q.Site}/{q.Instrument}"));
        return OperatorResult.Refused($"instrument '{instrument}' at site '{site}' is not quarantined ({list})");
    }
}
