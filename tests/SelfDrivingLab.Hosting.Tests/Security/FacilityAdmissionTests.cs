using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Hosting.Security;

namespace SelfDrivingLab.Hosting.Tests.Security;

public sealed class FacilityAdmissionTests
{
    [Fact]
    public void Of_SharedFacilityWithAnInstrumentThatRunsElsewhere_RegistersEachForItsOwnCapabilitiesOnly()
    {
        var facility = CampaignLoader.LoadFacilityFile(RepositoryPaths.Workflow("shared-facility.yaml"));
        var withXrd = facility with
        {
            Access = new FacilityAccess([.. facility.Access!.Identities, new BrokerIdentity("xrd-1", BrokerRole.Instrument) { Capabilities = ["xrd", "anneal"] }]),
        };

        var admitted = FacilityAdmission.Of(withXrd).ToDictionary(a => a.Instrument.Value, a => a.Capabilities.Order(StringComparer.Ordinal).ToArray());

        Assert.Equal(["printer-1", "printer-2", "tester-1", "xrd-1"], admitted.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["print"], admitted["printer-1"]);
        Assert.Equal(["compression-test"], admitted["tester-1"]);
        Assert.Equal(["anneal", "xrd"], admitted["xrd-1"]);
        Assert.All(FacilityAdmission.Of(withXrd), a => Assert.Equal(facility.Site, a.Site));
    }
}
