using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// The right to send one command to an instrument channel; dispose it when the command is finished
/// so the channel returns to the pool. Thread-safe; disposing twice is harmless.
/// </summary>
public sealed class InstrumentLease : IDisposable
{
    private readonly Action<InstrumentLease>? _release;
    private int _released;

    /// <summary>Creates a lease that calls <paramref name="release"/> once when disposed.</summary>
    public InstrumentLease(SiteId site, InstrumentId instrument, string capability, Action<InstrumentLease>? release)
    {
        Site = site;
        Instrument = instrument;
        Capability = capability;
        _release = release;
    }

    /// <summary>The instrument's site.</summary>
    public SiteId Site { get; }

    /// <summary>The leased instrument.</summary>
    public InstrumentId Instrument { get; }

    /// <summary>The capability it was leased for.</summary>
    public string Capability { get; }

    /// <summary>True when the instrument declares the leased capability idempotent (safe to send again under a new command id); default false.</summary>
    public bool Idempotent { get; init; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release?.Invoke(this);
        }
    }
}
