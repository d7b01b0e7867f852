using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>
/// Drives the virtual clock of a simulated campaign for the host's lifetime. The settle is 3 ms of wall time, not the
/// driver's 1 ms default: with the dashboard served in-process, 1 ms let the clock jump a step's deadline past a result
/// in flight in about 1 of 4 runs of the hosted browser test (a hand-over still untracked somewhere); 3 ms passed 8 of 8.
/// A safety margin, not the fix: the untracked hand-over is still to be found.
/// </summary>
internal sealed class VirtualClockService(VirtualTimeProvider clock) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new VirtualClockDriver(clock) { SettleInterval = TimeSpan.FromMilliseconds(3) }.RunAsync(stoppingToken);
}
