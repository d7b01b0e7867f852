using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Dashboard.Operators;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Cli.Commands.HostedDashboard;

/// <summary>
/// The running campaign host as its dashboard sees it: facility identities sign in with their broker passwords; actions
/// go through the host's in-process control (the same handler and audit trail as <c>sdl control</c>). Thread-safe.
/// </summary>
/// <param name="control">The host's operator control.</param>
/// <param name="health">The host's health check.</param>
/// <param name="identities">The facility's identities: only operators and observers may sign in.</param>
/// <param name="credentials">Their passwords (the embedded broker's per-run ones, or the credentials file's); null: nobody may sign in.</param>
internal sealed class CampaignHostDashboard(InProcessControl control, HostHealth health, IReadOnlyList<BrokerIdentity> identities, BrokerCredentials? credentials) : IDashboardHost
{
    /// <summary>The client id stored with the dashboard's requests in the audit trail.</summary>
    public const string ClientId = "dashboard";

    public DashboardRole? SignIn(string identity, string secret)
    {
        var role = identities.FirstOrDefault(i => string.Equals(i.Name, identity, StringComparison.Ordinal))?.Role switch
        {
            BrokerRole.Operator => DashboardRole.Operator,
            BrokerRole.Observer => DashboardRole.Observer,
            _ => (DashboardRole?)null,
        };

        // Verified even for an identity that may not sign in, so the answer takes as long either way.
        var verified = credentials?.Verify(identity, secret) ?? false;
        return verified ? role : null;
    }

    public async Task<DashboardActionResult> ActAsync(DashboardAction action, string identity, string target, string? reason, CancellationToken cancellationToken = default)
    {
        var request = new ControlRequest($"{ClientId}-{Guid.NewGuid():N}", ToControl(action), identity, target, reason);
        var response = await control.SubmitAsync(request, identity, ClientId, cancellationToken).ConfigureAwait(false);
        return new DashboardActionResult(response.Ok, response.Message);
    }

    public async Task<IReadOnlyList<string>> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        (await health.CheckAsync(cancellationToken).ConfigureAwait(false)).Problems;

    private static ControlAction ToControl(DashboardAction action) => action switch
    {
        DashboardAction.Approve => ControlAction.Approve,
        DashboardAction.Reject => ControlAction.Reject,
        DashboardAction.Pause => ControlAction.Pause,
        DashboardAction.Resume => ControlAction.Resume,
        DashboardAction.Abort => ControlAction.Abort,
        DashboardAction.ReturnToService => ControlAction.ReturnToService,
        DashboardAction.Admit => ControlAction.Admit,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "not an operator action"),
    };
}
