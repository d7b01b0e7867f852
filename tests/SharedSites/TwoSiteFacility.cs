using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Hosting.Security;

namespace SelfDrivingLab.Tests.Sites;

/// <summary>
/// The two-site example facility (workflows/two-sites.yaml) on two real Mosquitto brokers configured only by the files
/// <c>sdl facility broker-config</c> writes: the hub (lab-a) bridged to lab-b. Hosts are made with <see cref="HostSettings"/>,
/// so a test may start several on the same ledger (e.g. a standby host at lab-b).
/// </summary>
internal sealed class TwoSiteFacility : IAsyncDisposable
{
    public static readonly SiteId Hub = new("lab-a");
    public static readonly SiteId Remote = new("lab-b");

    private TwoSiteFacility(FacilityDefinition facility, string directory, MosquittoBroker hubBroker, MosquittoBroker remoteBroker, LoopbackTcpProxy bridgeLink)
    {
        Facility = facility;
        Directory = directory;
        HubBroker = hubBroker;
        RemoteBroker = remoteBroker;
        BridgeLink = bridgeLink;
    }

    /// <summary>The facility, its lab-b broker on the port the test chose.</summary>
    public FacilityDefinition Facility { get; }

    /// <summary>Where the brokers' files are (and the credentials every identity connects with).</summary>
    public string Directory { get; }

    public MosquittoBroker HubBroker { get; }

    public MosquittoBroker RemoteBroker { get; }

    /// <summary>
    /// The network between the hub's bridge and lab-b's broker: cutting it breaks the bridge only (lab-b's instruments stay
    /// connected to their broker, the host to the hub's).
    /// </summary>
    public LoopbackTcpProxy BridgeLink { get; }

    public string CredentialsFile => Path.Combine(Directory, MosquittoBrokerConfig.CredentialsFile);

    /// <summary>
    /// Writes both sites' broker configurations for <paramref name="facility"/> (its <c>sites:</c> replaced by lab-b on a free
    /// loopback port) into <paramref name="directory"/> and starts both brokers, lab-b first so the bridge finds it.
    /// </summary>
    public static async Task<TwoSiteFacility> StartAsync(FacilityDefinition facility, string directory)
    {
        var remotePort = LoopbackPorts.Free();
        var hubPort = LoopbackPorts.Free();
        facility = facility with { OtherSites = [new FacilitySite(Remote, "127.0.0.1", remotePort, Tls: false)] };
        MosquittoBrokerConfig.Write(facility, directory, new MosquittoListener(hubPort));

        // The hub's bridge reaches lab-b through a forwarder the test can cut; everything else connects directly.
        var bridgeLink = LoopbackTcpProxy.Start(remotePort);
        var hubConfig = Path.Combine(directory, Hub.Value, MosquittoBrokerConfig.ConfigFile);
        var text = await File.ReadAllTextAsync(hubConfig);
        var address = $"address 127.0.0.1:{remotePort}\n";
        Assert.Contains(address, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(hubConfig, text.Replace(address, $"address 127.0.0.1:{bridgeLink.Port}\n", StringComparison.Ordinal));
        var remote = await MosquittoBroker.StartWithConfigAsync(Path.Combine(directory, Remote.Value, MosquittoBrokerConfig.ConfigFile), remotePort);
        var hub = await MosquittoBroker.StartWithConfigAsync(Path.Combine(directory, Hub.Value, MosquittoBrokerConfig.ConfigFile), hubPort);
        return new TwoSiteFacility(facility, directory, hub, remote, bridgeLink);
    }

    /// <summary>The example facility file, loaded.</summary>
    public static FacilityDefinition LoadExample() => CampaignLoader.LoadFacilityFile(RepositoryPaths.Workflow("two-sites.yaml"));

    /// <summary>A real-time host at the hub, on the hub's broker with the generated credentials, its simulators at both sites.</summary>
    public CampaignHostSettings HostSettings(string ledgerConnectionString, string workDirectory) => new(Facility)
    {
        LedgerPath = Path.Combine(workDirectory, "ledger.db"),
        LedgerConnectionString = ledgerConnectionString,
        Broker = new BrokerAddress("127.0.0.1", HubBroker.Port),
        BrokerCredentialsFile = CredentialsFile,
        VirtualTime = false,
        ExecutionLogDirectory = Path.Combine(workDirectory, "executions"),
        JournalDirectory = Path.Combine(workDirectory, "journal"),
    };

    public async ValueTask DisposeAsync()
    {
        await HubBroker.DisposeAsync();
        await BridgeLink.DisposeAsync();
        await RemoteBroker.DisposeAsync();
    }
}
