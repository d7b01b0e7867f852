using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

/// <summary>Counts units of work begun and ended.</summary>
internal sealed class CountingWorkTracker : IWorkTracker
{
    private int _begun;
    private int _ended;

    public int Begun => Volatile.Read(ref _begun);

    public int Ended => Volatile.Read(ref _ended);

    public WorkScope Begin()
    {
        Interlocked.Increment(ref _begun);
        return WorkScope.For(this);
    }

    public void End() => Interlocked.Increment(ref _ended);
}
