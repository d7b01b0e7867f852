using Microsoft.Extensions.DependencyInjection;
using SelfDrivingLab.Hosting;

namespace SelfDrivingLab.Cli.Commands.HostedDashboard;

/// <summary>Adds the live dashboard to a campaign host (<c>sdl run</c>).</summary>
internal static class HostedDashboardServiceCollectionExtensions
{
    /// <summary>
    /// Serves the dashboard of the host's ledger on 127.0.0.1:<paramref name="port"/> while the host runs, and prints its
    /// address (and where the sign-in passwords are) to <paramref name="output"/> unless <paramref name="quiet"/>.
    /// </summary>
    public static IServiceCollection AddHostedDashboard(this IServiceCollection services, CampaignHostSettings settings, int port, TextWriter output, bool quiet)
    {
        services.AddHostedService(provider => new HostedDashboardService(provider, settings, port, (address, passwords) =>
        {
            if (!quiet)
            {
                var signIn = passwords is null ? "no sign-in: view only" : $"operators and observers sign in with their passwords from {passwords}";
                output.WriteLine($"Dashboard at {address} ({signIn}).");
            }
        }));
        return services;
    }
}
