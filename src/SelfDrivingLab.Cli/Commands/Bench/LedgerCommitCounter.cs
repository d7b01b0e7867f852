using System.Diagnostics.Metrics;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// Counts the ledger's durable commits of experiment writes (adding an experiment, transitions, commands, events, results
/// and batches of them) while it is alive, from the stores' <see cref="LedgerMetrics.CommitsInstrument"/> counter: what a
/// step really costs, whichever writes the orchestrator grouped. Thread-safe.
/// </summary>
internal sealed class LedgerCommitCounter : IDisposable
{
    private static readonly HashSet<string> ExperimentWrites =
    [
        "AddExperimentAsync", "RecordTransitionAsync", "RecordCommandAsync", "RecordEventAsync", "RecordResultAsync", "RecordBatchAsync",
    ];

    private readonly MeterListener _listener = new();
    private long _commits;

    public LedgerCommitCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SdlTelemetry.Name && instrument.Name == LedgerMetrics.CommitsInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Commits of experiment writes counted so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == LedgerMetrics.OperationTag && tag.Value is string operation && ExperimentWrites.Contains(operation))
            {
                Interlocked.Add(ref _commits, value);
                return;
            }
        }
    }
}
