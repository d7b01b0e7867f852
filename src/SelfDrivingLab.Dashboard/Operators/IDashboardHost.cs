namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>
/// The running host behind a dashboard that <c>sdl run</c> serves: who may sign in, the operator's actions (through the
/// host's control path and audit trail) and its health. Without one (<c>sdl dashboard --ledger</c>) the dashboard is a
/// read-only view with no login and no actions. Implementations must be thread-safe.
/// </summary>
public interface IDashboardHost
{
    /// <summary>The role of <paramref name="identity"/> when <paramref name="secret"/> is its password; null to refuse the sign-in.</summary>
    DashboardRole? SignIn(string identity, string secret);

    /// <summary>Carries out <paramref name="action"/> on <paramref name="target"/> (a campaign, or a held experiment) as <paramref name="identity"/>.</summary>
    Task<DashboardActionResult> ActAsync(DashboardAction action, string identity, string target, string? reason, CancellationToken cancellationToken = default);

    /// <summary>What keeps the host from working (broker, ledger), one sentence each; empty when healthy.</summary>
    Task<IReadOnlyList<string>> CheckHealthAsync(CancellationToken cancellationToken = default);
}
