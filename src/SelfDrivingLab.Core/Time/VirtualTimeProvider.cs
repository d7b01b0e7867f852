namespace SelfDrivingLab.Core.Time;

/// <summary>
/// A clock for simulated campaigns: time stands still while any component works and jumps to the
/// next timer when everything is idle, so hours of lab time pass in milliseconds while every
/// component still sees a consistent clock. Thread-safe.
/// </summary>
/// <remarks>
/// "Idle" means: no <see cref="IWorkTracker"/> scope is open (messages being published or handled,
/// models being fitted), the thread pool has no queued work, and nothing changed across <see cref="VirtualClockDriver"/>'s settle checks. Timers fire in due order;
/// timers due at the same instant fire together.
/// </remarks>
public sealed class VirtualTimeProvider : TimeProvider, IWorkTracker
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<VirtualTimer, (long Due, long Sequence)> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;
    private int _openScopes;
    private long _epoch;

    // Wakes a driver sleeping in WaitForSignal: when the last open scope closes, a timer is scheduled or the clock is moved.
    private readonly object _signal = new();
    private long _signals;
    private int _sleepers;

    /// <summary>Creates a clock reading <paramref name="start"/>.</summary>
    public VirtualTimeProvider(DateTimeOffset start) => _now = start.ToUniversalTime();

    /// <summary>Open work scopes right now.</summary>
    public int OpenScopes => Volatile.Read(ref _openScopes);

    /// <summary>Changes whenever work starts or ends or a timer is created, changed or fired.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <inheritdoc />
    public WorkScope Begin()
    {
        Interlocked.Increment(ref _openScopes);
        Interlocked.Increment(ref _epoch);
        return WorkScope.For(this);
    }

    /// <inheritdoc />
    public void End()
    {
        var open = Interlocked.Decrement(ref _openScopes);
        Interlocked.Increment(ref _epoch);
        if (open == 0)
        {
            Signal();
        }
    }

    /// <summary>Counts the wake-up signals so far (see <see cref="WaitForSignal"/>).</summary>
    internal long Signals => Interlocked.Read(ref _signals);

    /// <summary>
    /// Blocks until a signal after <paramref name="seen"/> (<see cref="Signals"/> read before the caller checked its
    /// condition): the last open scope closed, a timer was scheduled or the clock was moved. False after
    /// <paramref name="timeout"/>.
    /// </summary>
    internal bool WaitForSignal(long seen, TimeSpan timeout)
    {
        lock (_signal)
        {
            // Dekker with Signal: either it sees this sleeper, or this sees its increment.
            Interlocked.Increment(ref _sleepers);
            try
            {
                return Signals != seen || Monitor.Wait(_signal, timeout);
            }
            finally
            {
                Interlocked.Decrement(ref _sleepers);
            }
        }
    }

    /// <summary>
    /// Moves the clock forward to <paramref name="instant"/>; an earlier instant leaves it where it is (a
    /// clock never goes back). Timers keep their due times: any now due fire at the next advance. Used to
    /// continue a simulated campaign's time from what its ledger already holds.
    /// </summary>
    public void AdvanceTo(DateTimeOffset instant)
    {
        lock (_gate)
        {
            if (instant.UtcTicks > _now.UtcTicks)
            {
                _now = new DateTimeOffset(instant.UtcTicks, TimeSpan.Zero);
                Interlocked.Increment(ref _epoch);
            }
        }

        Signal();
    }

    /// <summary>
    /// Moves the clock to the earliest pending timer and fires every timer due then. Returns false
    /// when no timer is pending. Callbacks run on the thread pool, as real timers' do.
    /// </summary>
    public bool AdvanceToNextTimer() => Advance(idleEpoch: null);

    /// <summary>
    /// Like <see cref="AdvanceToNextTimer"/>, but only if the clock is still idle as it was seen at
    /// <paramref name="idleEpoch"/>: no work scope open and nothing started, ended, scheduled or fired since.
    /// Checked and done under one lock, so work that begins (and a deadline it arms) between a driver's idle
    /// check and its jump is never jumped over. Returns false when the clock did not move.
    /// </summary>
    public bool AdvanceToNextTimerIfIdleSince(long idleEpoch) => Advance(idleEpoch);

    private bool Advance(long? idleEpoch)
    {
        List<VirtualTimer> due = [];
        lock (_gate)
        {
            // Begin and End change the epoch without the lock: reading both here, after the timer queue
            // is locked, sees any work that began before this point; work beginning later arms its timers
            // through Schedule, which waits for this lock and so counts from the new time.
            if (idleEpoch is { } expected && (Volatile.Read(ref _openScopes) > 0 || Interlocked.Read(ref _epoch) != expected))
            {
                return false;
            }

            if (!TryDequeueLive(out var first))
            {
                return false;
            }

            _now = new DateTimeOffset(Math.Max(first.DueTicks, _now.UtcTicks), TimeSpan.Zero);
            due.Add(first);
            while (_timers.TryPeek(out var next, out var key) && key.Due <= _now.UtcTicks)
            {
                _timers.Dequeue();
                if (next.IsScheduledAs(key.Sequence))
                {
                    due.Add(next);
                }
            }

            foreach (var timer in due)
            {
                timer.MarkFired(_now.UtcTicks);
            }

            Interlocked.Increment(ref _epoch);
        }

        // Each callback counts as work from now until it returns: an awaited delay's continuation runs
        // inside it up to its first real await, so what a timer sets off (a simulated instrument
        // computing and publishing its result) is never mistaken for idleness and jumped over.
        foreach (var timer in due)
        {
            Begin();
            ThreadPool.UnsafeQueueUserWorkItem(static f => f.Run(), new FiringTimer(this, timer), preferLocal: false);
        }

        return true;
    }

    internal void Schedule(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                timer.SetSchedule(sequence, long.MaxValue, period);
            }
            else
            {
                var due = _now.UtcTicks + Math.Max(0, dueTime.Ticks);
                timer.SetSchedule(sequence, due, period);
                _timers.Enqueue(timer, (due, sequence));
            }

            Interlocked.Increment(ref _epoch);
        }

        Signal();
    }

    internal void Reschedule(VirtualTimer timer, long due)
    {
        lock (_gate)
        {
            var sequence = ++_sequence;
            timer.SetSchedule(sequence, due, timer.Period);
            _timers.Enqueue(timer, (due, sequence));
            Interlocked.Increment(ref _epoch);
        }

        Signal();
    }

    internal void Cancel(VirtualTimer timer)
    {
        lock (_gate)
        {
            // Stale queue entries are skipped lazily: their sequence no longer matches.
            timer.SetSchedule(++_sequence, long.MaxValue, Timeout.InfiniteTimeSpan);
            Interlocked.Increment(ref _epoch);
        }
    }

    private void Signal()
    {
        Interlocked.Increment(ref _signals);
        if (Volatile.Read(ref _sleepers) > 0)
        {
            lock (_signal)
            {
                Monitor.PulseAll(_signal);
            }
        }
    }

    private bool TryDequeueLive(out VirtualTimer timer)
    {
        while (_timers.TryDequeue(out timer!, out var key))
        {
            if (timer.IsScheduledAs(key.Sequence))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class FiringTimer(VirtualTimeProvider clock, VirtualTimer timer)
    {
        public void Run()
        {
            try
            {
                timer.Invoke();
            }
            finally
            {
                clock.End();
            }
        }
    }
}
