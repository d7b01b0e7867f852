using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Transport.Mqtt;

namespace SelfDrivingLab.Hosting;

/// <summary>How a host reaches an external broker: address, TLS, and whose credentials (one place for run and simulate).</summary>
internal static class ExternalBrokerOptions
{
    public static void Apply(MqttOptions options, CampaignHostSettings settings, BrokerAddress broker)
    {
        options.Embedded = false;
        options.Host = broker.Host;
        options.Port = broker.Port;
        if (broker.Tls)
        {
            options.Tls = true;
        }

        if (settings.BrokerCaFile is { } ca)
        {
            options.CaFile = ca;
        }

        if (settings.BrokerCredentialsFile is { } credentials)
        {
            options.CredentialsFile = credentials;
        }

        // With a credentials file, connections that name no identity of their own act as the facility's orchestrator.
        if (options.CredentialsFile is not null && options.Username is null)
        {
            options.Username = FacilityAccess.Of(settings.Facility).First(i => i.Role == BrokerRole.Orchestrator).Name;
        }
    }
}
