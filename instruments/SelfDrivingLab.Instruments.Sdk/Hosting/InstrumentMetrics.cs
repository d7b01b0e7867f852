using System.Diagnostics.Metrics;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Counters of one instrument host under the <c>SelfDrivingLab</c> meter. Thread-safe.</summary>
internal sealed class InstrumentMetrics : IDisposable
{
    public const string MeterName = "SelfDrivingLab";

    private readonly Meter? _ownedMeter;
    private readonly Counter<long> _invalid;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _executed;
    private readonly KeyValuePair<string, object?> _instrumentTag;

    public InstrumentMetrics(InstrumentId instrument, IMeterFactory? meterFactory)
    {
        Meter meter;
        if (meterFactory is null)
        {
            _ownedMeter = new Meter(MeterName);
            meter = _ownedMeter;
        }
        else
        {
            meter = meterFactory.Create(new MeterOptions(MeterName));
        }

        _instrumentTag = new("instrument", instrument.Value);
        _invalid = meter.CreateCounter<long>("sdl.instrument.commands.invalid", description: "Command payloads dropped because they could not be read.");
        _rejected = meter.CreateCounter<long>("sdl.instrument.commands.rejected", description: "Commands refused without running, by error code.");
        _executed = meter.CreateCounter<long>("sdl.instrument.executions", description: "Driver executions, by outcome.");
    }

    public void InvalidCommand() => _invalid.Add(1, _instrumentTag);

    public void Rejected(string error) => _rejected.Add(1, _instrumentTag, new("error", error));

    public void Executed(string outcome) => _executed.Add(1, _instrumentTag, new("outcome", outcome));

    public void Dispose() => _ownedMeter?.Dispose();
}
