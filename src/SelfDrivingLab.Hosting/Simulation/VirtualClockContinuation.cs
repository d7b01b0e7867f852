using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>
/// Continues a simulated campaign's virtual clock from its ledger: the clock starts at the wall time,
/// but a ledger that already holds simulated times (days ahead, after a resumed or earlier simulated
/// campaign) must not see time run backwards — records would read back out of order and a resumed
/// campaign's lab time would not count what it already spent. Starts after the ledger is open and
/// before anything uses the clock.
/// </summary>
internal sealed partial class VirtualClockContinuation(VirtualTimeProvider clock, ILedgerTimeline ledger, ILogger<VirtualClockContinuation> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await ledger.GetLatestRecordedTimeAsync(cancellationToken).ConfigureAwait(false) is { } latest && latest > clock.GetUtcNow())
        {
            clock.AdvanceTo(latest);
            LogContinued(logger, latest);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Virtual clock continues from the ledger's latest record at {Latest:u}")]
    private static partial void LogContinued(ILogger logger, DateTimeOffset latest);
}
