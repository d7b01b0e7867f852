using System.Collections.Concurrent;
using SelfDrivingLab.Dashboard.Operators;

namespace SelfDrivingLab.Dashboard.Tests.Operators;

/// <summary>A host behind the dashboard with two identities (alice the operator, bob the observer), recording the actions it is asked for.</summary>
internal sealed class FakeDashboardHost : IDashboardHost
{
    public const string OperatorName = "alice";
    public const string ObserverName = "bob";
    public const string Password = "correct horse";

    public ConcurrentQueue<(DashboardAction Action, string Identity, string Target, string? Reason)> Actions { get; } = new();

    public IReadOnlyList<string> Problems { get; set; } = [];

    public DashboardRole? SignIn(string identity, string secret) => (identity, secret) switch
    {
        (OperatorName, Password) => DashboardRole.Operator,
        (ObserverName, Password) => DashboardRole.Observer,
        _ => null,
    };

    public Task<DashboardActionResult> ActAsync(DashboardAction action, string identity, string target, string? reason, CancellationToken cancellationToken = default)
    {
        Actions.Enqueue((action, identity, target, reason));
        return Task.FromResult(target == "unknown" ? new DashboardActionResult(false, "no campaign 'unknown'") : new DashboardActionResult(true, $"{action} {target} done"));
    }

    public Task<IReadOnlyList<string>> CheckHealthAsync(CancellationToken cancellationToken = default) => Task.FromResult(Problems);
}
