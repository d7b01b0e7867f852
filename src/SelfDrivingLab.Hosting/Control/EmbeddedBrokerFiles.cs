using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Transport.Mqtt;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>
/// What <c>sdl control</c> in another shell needs to reach a local run's embedded broker, written next to the ledger:
/// the operator's per-run credentials (<c>&lt;ledger&gt;.operator.json</c>, readable by the user only) and the broker's
/// per-run certificate (<c>&lt;ledger&gt;.broker.pem</c>, public).
/// </summary>
internal static class EmbeddedBrokerFiles
{
    public static ControlEndpoint Write(EmbeddedMqttBroker broker, FacilityDefinition facility, string ledgerPath)
    {
        var full = Path.GetFullPath(ledgerPath);
        string? credentialsFile = null;
        var @operator = FacilityAccess.Of(facility).FirstOrDefault(i => i.Role == BrokerRole.Operator);
        if (@operator is not null && broker.Access.Credentials.PasswordOf(@operator.Name) is { } password)
        {
            credentialsFile = full + ".operator.json";
            new BrokerCredentials(new Dictionary<string, string> { [@operator.Name] = password }).Write(credentialsFile);
        }

        string? caFile = null;
        if (broker.UsesTls)
        {
            caFile = full + ".broker.pem";
            File.WriteAllText(caFile, broker.Certificate.ExportCertificatePem());
        }

        return new ControlEndpoint("127.0.0.1", broker.Port, facility.Site.Value, Environment.ProcessId, broker.UsesTls, caFile, credentialsFile);
    }
}
