using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting.Orchestration;

namespace SelfDrivingLab.Hosting;

/// <summary>
/// Checks a running campaign host: the orchestrator's broker connection is up, and the ledger answers and can be
/// written (<see cref="LedgerWritability"/>). It never writes to the ledger nor opens its file a second time (closing
/// a second handle would drop the SQLite locks of the host's connection). Thread-safe.
/// </summary>
public sealed class HostHealth
{
    private readonly OrchestratorConnection _broker;
    private readonly ILedgerTimeline _ledger;
    private readonly string _ledgerPath;

    internal HostHealth(OrchestratorConnection broker, ILedgerTimeline ledger, string ledgerPath)
    {
        _broker = broker;
        _ledger = ledger;
        _ledgerPath = Path.GetFullPath(ledgerPath);
    }

    /// <summary>What is wrong now, if anything.</summary>
    public async Task<HostHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        List<string> problems = [];
        if (!_broker.IsConnected)
        {
            problems.Add("the orchestrator is not connected to the broker");
        }

        try
        {
            await _ledger.GetLatestRecordedTimeAsync(cancellationToken).ConfigureAwait(false);
            if (LedgerWritability.Problem(_ledgerPath) is { } problem)
            {
                problems.Add(problem);
            }
        }
        catch (LedgerException ex)
        {
            problems.Add($"the ledger does not answer: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // The ledger is opened when the host starts: not yet, or no longer.
            problems.Add($"the ledger is not open: {ex.Message}");
        }

        return new HostHealthReport(problems);
    }
}
