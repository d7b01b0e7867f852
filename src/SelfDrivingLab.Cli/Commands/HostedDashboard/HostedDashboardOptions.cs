namespace SelfDrivingLab.Cli.Commands.HostedDashboard;

/// <summary>
/// The dashboard <c>sdl run</c> serves (configuration section <c>Dashboard</c>; <c>--dashboard-port</c> and
/// <c>--no-dashboard</c> override it). Not thread-safe while being set.
/// </summary>
internal sealed class HostedDashboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Dashboard";

    /// <summary>Serve the dashboard (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The port on 127.0.0.1; 0 (default) for a free one, printed at start.</summary>
    public int Port { get; set; }
}
