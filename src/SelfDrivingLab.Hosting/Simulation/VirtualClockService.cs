using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>Drives the virtual clock of a simulated campaign for the host's lifetime.</summary>
internal sealed class VirtualClockService(VirtualTimeProvider clock) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new VirtualClockDriver(clock).RunAsync(stoppingToken);
}
