using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Transport.Mqtt;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>
/// Runs only a facility's simulated instruments, on the wall clock against an external broker, as
/// their own process (<c>sdl simulate</c>): the orchestrator runs elsewhere with
/// <see cref="CampaignHostSettings.ExternalInstruments"/>. Seeds, limits and faults are those a campaign
/// run would use.
/// </summary>
public static class SimulatorHost
{
    /// <summary>
    /// Runs the simulators until <paramref name="cancellationToken"/> is cancelled or the process is
    /// told to stop (Ctrl+C, SIGTERM). Start-up problems throw <see cref="CampaignHostException"/>.
    /// </summary>
    public static async Task RunAsync(CampaignHostSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var host = Build(settings);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HostFailures.IsExpected(ex))
        {
            throw HostFailures.Wrap($"could not run the simulators of '{settings.Facility.Name}'", ex, lifetime);
        }
    }

    /// <summary>Builds (without starting) the simulators-only host. Needs <see cref="CampaignHostSettings.Broker"/>.</summary>
    public static IHost Build(CampaignHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var broker = settings.Broker
            ?? throw new CampaignHostException("the simulators need an external broker (host:port) the orchestrator also uses.");
        if (settings.Facility.Simulators.Count == 0)
        {
            throw new CampaignHostException($"'{settings.Facility.Name}' defines no simulated instruments.");
        }

        DefinitionCheck.ThrowIfInvalid(settings.Facility);

        var builder = SdlHostBuilder.Create("sdl-simulate", settings.LogLevel);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSdlMqtt(o =>
        {
            ExternalBrokerOptions.Apply(o, settings, broker);
            if (settings.BrokerConnectTimeout is { } timeout)
            {
                o.StartupConnectTimeout = timeout;
            }
        });
        builder.Services.AddInstrumentPresenceCheck(settings);
        builder.Services.AddSelfDrivingLabSimulators(settings with { VirtualTime = false });
        return builder.Build();
    }
}
