using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Simulators;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>Starts the campaign's simulated instruments (each its own MQTT client) with the host and stops them with it.</summary>
internal sealed class SimulatedInstrumentsService(SimulatedLab lab) : IHostedService, IAsyncDisposable
{
    public Task StartAsync(CancellationToken cancellationToken) => lab.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => lab.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => lab.DisposeAsync();
}
