using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Directory;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// Which instruments may be commanded: those registered for the facility, as long as every capability they announce
/// was admitted, plus those an operator admitted (for the capabilities they announced then). Without a registry
/// (<see cref="Enforced"/> false) every instrument is admitted. Thread-safe.
/// </summary>
internal sealed class InstrumentAdmission
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(SiteId, InstrumentId), IReadOnlySet<string>> _admitted = [];
    private readonly Dictionary<(SiteId, InstrumentId), InstrumentAwaitingAdmission> _awaiting = [];
    private readonly ChangeSignal _changed;

    /// <summary>No registry: every instrument is admitted; <paramref name="work"/> counts the hand-over of each change to its waiters.</summary>
    public InstrumentAdmission(IWorkTracker work) => _changed = new ChangeSignal(work);

    /// <summary>Admits exactly <paramref name="registered"/>.</summary>
    public InstrumentAdmission(IEnumerable<AdmittedInstrument> registered, IWorkTracker work)
        : this(work)
    {
        Enforced = true;
        foreach (var instrument in registered)
        {
            _admitted[(instrument.Site, instrument.Instrument)] = instrument.Capabilities;
        }
    }

    /// <summary>False when every instrument is admitted.</summary>
    public bool Enforced { get; }

    /// <summary>Completes at the next admission after it is read.</summary>
    public Task NextChange => _changed.Next;

    /// <summary>Instruments refused so far and not admitted since, oldest first.</summary>
    public IReadOnlyList<InstrumentAwaitingAdmission> Awaiting
    {
        get
        {
            lock (_gate)
            {
                return [.. _awaiting.Values.OrderBy(a => a.Since).ThenBy(a => a.Instrument.Value, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Null when <paramref name="info"/> may be commanded, else why not.</summary>
    public string? Refusal(InstrumentInfo info)
    {
        if (!Enforced)
        {
            return null;
        }

        IReadOnlySet<string>? admitted;
        lock (_gate)
        {
            admitted = _admitted.GetValueOrDefault((info.Topics.Site, info.Topics.Instrument));
        }

        if (admitted is null)
        {
            return "not registered for the facility";
        }

        var outside = Announced(info).Where(c => !admitted.Contains(c)).ToList();
        return outside.Count == 0
            ? null
            : $"announces capabilities outside what was admitted: {string.Join(", ", outside)} (admitted: {string.Join(", ", admitted.Order(StringComparer.Ordinal))})";
    }

    /// <summary>Notes a refusal; true the first time for this instrument and announcement (the caller reports it then).</summary>
    public bool NoteRefused(InstrumentInfo info, string reason, DateTimeOffset at)
    {
        var key = (info.Topics.Site, info.Topics.Instrument);
        var announced = Announced(info);
        lock (_gate)
        {
            if (_awaiting.TryGetValue(key, out var known) && known.Announced.SequenceEqual(announced, StringComparer.Ordinal))
            {
                return false;
            }

            _awaiting[key] = new InstrumentAwaitingAdmission(key.Site, key.Instrument, announced, reason, at);
            return true;
        }
    }

    /// <summary>Admits the instrument for <paramref name="capabilities"/> (replacing what was admitted before) and wakes waiters.</summary>
    public void Admit(SiteId site, InstrumentId instrument, IReadOnlySet<string> capabilities)
    {
        lock (_gate)
        {
            _admitted[(site, instrument)] = capabilities;
            _awaiting.Remove((site, instrument));
        }

        _changed.Raise();
    }

    /// <summary>The capability names <paramref name="info"/> announces, sorted.</summary>
    public static IReadOnlyList<string> Announced(InstrumentInfo info) =>
        [.. (info.Capabilities?.Capabilities ?? []).Select(c => c.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
