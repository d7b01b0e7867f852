using Microsoft.Extensions.DependencyInjection;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Hosting.Simulation;
using SelfDrivingLab.Simulators;

namespace SelfDrivingLab.Hosting.Tests;

/// <summary>Where the simulated instruments run: in the campaign host, in their own host (<c>sdl simulate</c>), or elsewhere.</summary>
public sealed class SimulatorRegistrationTests
{
    private static CampaignHostSettings Quickstart() => new(CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml")));

    [Fact]
    public void AddSelfDrivingLabCampaign_Default_RegistersTheSimulatedLab()
    {
        var services = new ServiceCollection().AddSelfDrivingLabCampaign(Quickstart());

        Assert.Contains(services, d => d.ServiceType == typeof(SimulatedLab));
    }

    [Fact]
    public void AddSelfDrivingLabCampaign_ExternalInstruments_RegistersNoSimulators()
    {
        var settings = Quickstart() with { ExternalInstruments = true, Broker = new BrokerAddress("127.0.0.1", 1883), VirtualTime = false };

        var services = new ServiceCollection().AddSelfDrivingLabCampaign(settings);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(SimulatedLab));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void AddSelfDrivingLabCampaign_ExternalInstrumentsWithoutBrokerOrOnVirtualTime_Throws(bool withBroker, bool virtualTime)
    {
        var settings = Quickstart() with { ExternalInstruments = true, Broker = withBroker ? new BrokerAddress("127.0.0.1", 1883) : null, VirtualTime = virtualTime };

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSelfDrivingLabCampaign(settings));

        Assert.Contains("external broker and the wall clock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSelfDrivingLabCampaign_ExternalBrokerOnVirtualTime_Throws()
    {
        // Issue 9 item 3: the virtual clock cannot see messages held inside another process.
        var settings = Quickstart() with { Broker = new BrokerAddress("127.0.0.1", 1883) };

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSelfDrivingLabCampaign(settings));

        Assert.Contains("external broker needs the wall clock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulatorHostBuild_WithoutBroker_ThrowsNamingIt()
    {
        var error = Assert.Throws<CampaignHostException>(() => SimulatorHost.Build(Quickstart()));

        Assert.Contains("external broker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SimulatorHostBuild_WithBroker_HostsTheSimulatedLabOnTheWallClockWithItsJournal()
    {
        var journal = Path.Combine(Path.GetTempPath(), "sdl-tests-" + Guid.NewGuid().ToString("N"));
        var settings = Quickstart() with { Broker = new BrokerAddress("127.0.0.1", 1883), JournalDirectory = journal };
        try
        {
            using var host = SimulatorHost.Build(settings);

            var lab = host.Services.GetRequiredService<SimulatedLab>();
            Assert.Same(TimeProvider.System, host.Services.GetRequiredService<TimeProvider>());
            Assert.Equal(settings.Facility.Simulators.Count, lab.Hosts.Count);
            Assert.All(lab.Hosts, h => Assert.True(File.Exists(SelfDrivingLab.Instruments.Sdk.InstrumentHost.JournalFile(journal, h.Site, h.Instrument))));
        }
        finally
        {
            Directory.Delete(journal, recursive: true);
        }
    }
}
