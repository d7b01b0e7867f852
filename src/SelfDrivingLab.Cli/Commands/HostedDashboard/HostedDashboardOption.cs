using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using SelfDrivingLab.Hosting;

namespace SelfDrivingLab.Cli.Commands.HostedDashboard;

/// <summary>
/// Reads whether and where <c>sdl run</c> serves its dashboard: the <c>Dashboard</c> section of the environment
/// (<c>Dashboard__Enabled</c>, <c>Dashboard__Port</c>), overridden by <c>--no-dashboard</c> and <c>--dashboard-port</c>.
/// </summary>
internal static class HostedDashboardOption
{
    public static bool TryRead(bool noDashboard, int? port, CliConsole console, out HostedDashboardOptions options)
    {
        options = new HostedDashboardOptions();
        try
        {
            SdlConfiguration.Load().GetSection(HostedDashboardOptions.SectionName).Bind(options);
        }
        catch (InvalidDataException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return false;
        }
        catch (InvalidOperationException ex)
        {
            console.Error.WriteLine($"error: the Dashboard configuration: {ex.Message}");
            return false;
        }

        options.Enabled &= !noDashboard;
        options.Port = port ?? options.Port;
        if (options.Port is < 0 or > 65535)
        {
            console.Error.WriteLine($"error: --dashboard-port: {options.Port} is not between 0 and 65535 (0 picks a free port)");
            return false;
        }

        // Checked now, before the campaign starts: the dashboard itself starts once the campaign runs (it never delays it).
        if (options.Enabled && options.Port != 0 && !IsFree(options.Port))
        {
            console.Error.WriteLine($"error: --dashboard-port: 127.0.0.1:{options.Port} is in use (choose another, 0 for a free one, or --no-dashboard)");
            return false;
        }

        return true;
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
