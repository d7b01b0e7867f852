using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>
/// A meter factory whose meters are observed by a listener, so a test sees only its own host's
/// measurements even while other tests record on meters of the same name.
/// </summary>
public sealed class CounterRecorder : IMeterFactory
{
    private readonly ConcurrentBag<Meter> _meters = [];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, long Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

    public CounterRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_meters.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        _listener.Start();
    }

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        _meters.Add(meter);
        return meter;
    }

    /// <summary>Sum of <paramref name="name"/> measurements, optionally only those with tag <paramref name="tag"/> = <paramref name="value"/>.</summary>
    public long Total(string name, string? tag = null, string? value = null) =>
        _measurements
            .Where(m => m.Name == name && (tag is null || m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))))
            .Sum(m => m.Value);

    public IEnumerable<string> MeterNames => _meters.Select(m => m.Name);

    public void Dispose()
    {
        _listener.Dispose();
        foreach (var meter in _meters)
        {
            meter.Dispose();
        }
    }
}
