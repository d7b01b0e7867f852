using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Protocol.Security;

namespace SelfDrivingLab.Protocol.Tests.Security;

public sealed class AccessPolicyTests
{
    private static readonly AccessPolicy Policy = new(new SiteId("lab"),
    [
        new BrokerIdentity("orchestrator", BrokerRole.Orchestrator),
        new BrokerIdentity("alice", BrokerRole.Operator),
        new BrokerIdentity("dashboard", BrokerRole.Observer),
        new BrokerIdentity("printer-1", BrokerRole.Instrument),
    ]);

    [Theory]
    [InlineData("sdl/v1/lab/+/event", "sdl/v1/lab/printer-1/event", true)]
    [InlineData("sdl/v1/lab/+/event", "sdl/v1/lab/+/event", true)]
    [InlineData("sdl/v1/lab/+/event", "sdl/v1/lab/#", false)]
    [InlineData("sdl/v1/lab/printer-1/command", "sdl/v1/#", false)]
    [InlineData("sdl/v1/lab/printer-1/command", "sdl/v1/lab/+/command", false)]
    [InlineData("sdl/v1/lab/#", "sdl/v1/lab/a/b/c", true)]
    [InlineData("sdl/v1/lab/#", "sdl/v1/other/a", false)]
    [InlineData("sdl/v1/lab/+/event", "sdl/v1/lab/printer-1/event/extra", false)]
    public void Covers_Filters_OnlyWhenEveryMatchingTopicIsGranted(string granted, string asked, bool expected) =>
        Assert.Equal(expected, new TopicRule(TopicAccess.Read, granted).Covers(asked));

    [Theory]
    [InlineData("printer-1", "sdl/v1/lab/printer-1/event", true)]
    [InlineData("printer-1", "sdl/v1/lab/printer-1/availability", true)]
    [InlineData("printer-1", "sdl/v1/lab/tester-1/event", false)]
    [InlineData("printer-1", "sdl/v1/lab/printer-1/command", false)]
    [InlineData("orchestrator", "sdl/v1/lab/printer-1/command", true)]
    [InlineData("orchestrator", "sdl/v1/lab/printer-1/event", false)]
    [InlineData("alice", "sdl/v1/control/lab/request/alice", true)]
    [InlineData("alice", "sdl/v1/control/lab/request/bob", false)]
    [InlineData("dashboard", "sdl/v1/control/lab/request/dashboard", false)]
    [InlineData("dashboard", "sdl/v1/lab/printer-1/event", false)]
    [InlineData("nobody", "sdl/v1/lab/printer-1/event", false)]
    [InlineData(null, "sdl/v1/lab/printer-1/event", false)]
    public void CanPublish_ByRole_OnlyGrantedTopics(string? identity, string topic, bool expected) =>
        Assert.Equal(expected, Policy.CanPublish(identity, topic));

    [Theory]
    [InlineData("printer-1", "sdl/v1/lab/printer-1/command", true)]
    [InlineData("printer-1", "sdl/v1/#", false)]
    [InlineData("printer-1", "sdl/v1/lab/+/command", false)]
    [InlineData("orchestrator", "sdl/v1/+/+/event", true)]
    [InlineData("orchestrator", "sdl/v1/control/lab/request/+", true)]
    [InlineData("dashboard", "sdl/v1/lab/#", true)]
    [InlineData("dashboard", "sdl/v1/control/lab/request/+", false)]
    [InlineData("alice", "sdl/v1/control/lab/response/+", true)]
    public void CanSubscribe_ByRole_OnlyCoveredFilters(string identity, string filter, bool expected) =>
        Assert.Equal(expected, Policy.CanSubscribe(identity, filter));

    // The broker of site lab-b in a facility whose own (hub) site is lab: the facility's control channel is lab's.
    private static readonly AccessPolicy OtherSitePolicy = new(
        new SiteId("lab-b"),
        [
            new BrokerIdentity("orchestrator", BrokerRole.Orchestrator),
            new BrokerIdentity("alice", BrokerRole.Operator),
            new BrokerIdentity("dashboard", BrokerRole.Observer),
            new BrokerIdentity("tester-b1", BrokerRole.Instrument),
        ],
        [new SiteId("lab")]);

    [Theory]
    [InlineData("orchestrator", "sdl/v1/control/lab/response/r-1", true)]
    [InlineData("alice", "sdl/v1/control/lab/request/alice", true)]
    [InlineData("alice", "sdl/v1/control/lab/request/bob", false)]
    [InlineData("alice", "sdl/v1/control/lab/response/r-1", false)]
    [InlineData("dashboard", "sdl/v1/control/lab/request/dashboard", false)]
    [InlineData("tester-b1", "sdl/v1/control/lab/request/tester-b1", false)]
    [InlineData("tester-b1", "sdl/v1/control/lab/response/r-1", false)]
    public void CanPublish_OnAnotherSitesBroker_TheFacilitysControlChannelAsOnTheHub(string identity, string topic, bool expected) =>
        Assert.Equal(expected, OtherSitePolicy.CanPublish(identity, topic));

    [Theory]
    [InlineData("orchestrator", "sdl/v1/control/lab/request/+", true)]
    [InlineData("alice", "sdl/v1/control/lab/response/+", true)]
    [InlineData("alice", "sdl/v1/control/lab/request/+", false)]
    [InlineData("dashboard", "sdl/v1/control/lab/request/+", false)]
    [InlineData("tester-b1", "sdl/v1/control/lab/request/+", false)]
    public void CanSubscribe_OnAnotherSitesBroker_TheFacilitysControlChannelAsOnTheHub(string identity, string filter, bool expected) =>
        Assert.Equal(expected, OtherSitePolicy.CanSubscribe(identity, filter));

    [Fact]
    public void Constructor_DuplicateIdentity_IsRefusedNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => new AccessPolicy(new SiteId("lab"),
            [new BrokerIdentity("a", BrokerRole.Observer), new BrokerIdentity("a", BrokerRole.Operator)]));

        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
    }
}
