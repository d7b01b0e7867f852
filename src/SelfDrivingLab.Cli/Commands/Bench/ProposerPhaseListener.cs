using System.Diagnostics.Metrics;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>Sums the proposer's <see cref="ProposerMetrics.DurationName"/> histogram by phase while it lives. Thread-safe.</summary>
internal sealed class ProposerPhaseListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Count, double Seconds)> _phases = new(StringComparer.Ordinal);

    public ProposerPhaseListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ProposerMetrics.MeterName && instrument.Name == ProposerMetrics.DurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var phase = "unknown";
            foreach (var tag in tags)
            {
                if (tag.Key == ProposerMetrics.PhaseTag && tag.Value is string value)
                {
                    phase = value;
                }
            }

            lock (_gate)
            {
                var (count, sum) = _phases.GetValueOrDefault(phase);
                _phases[phase] = (count + 1, sum + seconds);
            }
        });
        _listener.Start();
    }

    /// <summary>Measurements per phase so far: how many, and their total in seconds.</summary>
    public IReadOnlyDictionary<string, (long Count, double Seconds)> Snapshot()
    {
        lock (_gate)
        {
            return new Dictionary<string, (long Count, double Seconds)>(_phases, StringComparer.Ordinal);
        }
    }

    public void Dispose() => _listener.Dispose();
}
