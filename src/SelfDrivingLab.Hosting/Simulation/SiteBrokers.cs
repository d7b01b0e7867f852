using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Transport.Mqtt;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>
/// The brokers of a facility's other sites, for its simulators that stand there (<c>site:</c>): each connects to its own
/// site's broker (<see cref="FacilitySite"/>), with the transport's settings (credentials, CA, timeouts) but that
/// broker's address and TLS, as a real instrument at that site would.
/// </summary>
internal static class SiteBrokers
{
    /// <summary>One connection factory per other site that has simulators (none when every simulator is at the facility's site).</summary>
    public static IReadOnlyDictionary<SiteId, IMessageBusFactory> Factories(FacilityDefinition facility, IServiceProvider provider)
    {
        var used = facility.Simulators.Select(s => s.Site).OfType<SiteId>().Where(s => s != facility.Site).ToHashSet();
        if (used.Count == 0)
        {
            return new Dictionary<SiteId, IMessageBusFactory>();
        }

        var local = provider.GetRequiredService<IOptions<MqttOptions>>().Value;
        var factories = new Dictionary<SiteId, IMessageBusFactory>();
        foreach (var site in facility.OtherSites.Where(s => used.Contains(s.Id)))
        {
            factories[site.Id] = new MqttMessageBusFactory(
                For(local, site),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILoggerFactory>(),
                provider.GetService<IWorkTracker>());
        }

        return factories;
    }

    private static MqttOptions For(MqttOptions local, FacilitySite site) => new()
    {
        Embedded = false,
        Host = site.Host,
        Port = site.Port,
        Tls = site.Tls,
        Username = local.Username,
        Password = local.Password,
        PasswordFile = local.PasswordFile,
        CredentialsFile = local.CredentialsFile,
        CaFile = local.CaFile,
        ClientCertificateFile = local.ClientCertificateFile,
        ClientKeyFile = local.ClientKeyFile,
        KeepAlive = local.KeepAlive,
        StartupConnectTimeout = local.StartupConnectTimeout,
        ConnectTimeout = local.ConnectTimeout,
        ReconnectDelay = local.ReconnectDelay,
        ReconnectMaxDelay = local.ReconnectMaxDelay,
        SessionExpiry = local.SessionExpiry,
        JitterSeed = local.JitterSeed,
    };
}
