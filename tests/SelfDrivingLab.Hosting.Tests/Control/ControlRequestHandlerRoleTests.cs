using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;

namespace SelfDrivingLab.Hosting.Tests.Control;

/// <summary>The orchestrator's own check behind the broker's ACL: only operators act, observers may only look.</summary>
public sealed class ControlRequestHandlerRoleTests
{
    private static readonly BrokerIdentity[] Identities =
    [
        new("orchestrator", BrokerRole.Orchestrator),
        new("alice", BrokerRole.Operator),
        new("dashboard", BrokerRole.Observer),
        new("printer-1", BrokerRole.Instrument),
    ];

    private readonly ControlRequestHandler _handler = new(new CampaignControl(TimeProvider.System), identities: Identities);

    [Theory]
    [InlineData("dashboard", ControlAction.Pause, "'dashboard' is an observer: only an operator may pause")]
    [InlineData("dashboard", ControlAction.Abort, "'dashboard' is an observer: only an operator may abort")]
    [InlineData("printer-1", ControlAction.ReturnToService, "'printer-1' is an instrument: only an operator may return an instrument to service")]
    [InlineData("printer-1", ControlAction.Status, "'printer-1' is an instrument: only an operator may ask for the status")]
    [InlineData("mallory", ControlAction.Admit, "'mallory' is not an identity of this facility")]
    public void Handle_RequestFromAnIdentityThatIsNotAnOperator_IsRefusedNamingItsRole(string identity, ControlAction action, string expected)
    {
        var response = _handler.Handle(new ControlRequest("r-1", action, identity, "some-target"));

        Assert.False(response.Ok);
        Assert.Equal(expected, response.Message);
    }

    [Theory]
    [InlineData("dashboard")]
    [InlineData("alice")]
    public void Handle_StatusFromAnObserverOrAnOperator_IsAnswered(string identity)
    {
        var response = _handler.Handle(new ControlRequest("r-1", ControlAction.Status, identity));

        Assert.True(response.Ok, response.Message);
        Assert.NotNull(response.Campaigns);
    }

    [Fact]
    public void Handle_PauseFromAnOperator_ReachesTheCampaigns()
    {
        var response = _handler.Handle(new ControlRequest("r-1", ControlAction.Pause, "alice", "no-such-campaign"));

        // Past the role check: the campaigns answer (there is no such campaign).
        Assert.False(response.Ok);
        Assert.Contains("no-such-campaign", response.Message, StringComparison.Ordinal);
    }
}
