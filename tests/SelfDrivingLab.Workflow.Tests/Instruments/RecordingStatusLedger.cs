using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

/// <summary>An instrument-status ledger in a list.</summary>
internal sealed class RecordingStatusLedger : IInstrumentStatusLedger
{
    private readonly List<InstrumentStatusRecord> _records = [];

    public IReadOnlyList<InstrumentStatusRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public ValueTask RecordInstrumentStatusAsync(InstrumentStatusRecord status, CancellationToken cancellationToken = default)
    {
        lock (_records)
        {
            _records.Add(status);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<InstrumentStatusRecord>> GetInstrumentStatusesAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Records);
}
