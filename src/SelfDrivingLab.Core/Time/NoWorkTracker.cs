namespace SelfDrivingLab.Core.Time;

/// <summary>The tracker for real time: tracks nothing. Thread-safe singleton.</summary>
public sealed class NoWorkTracker : IWorkTracker
{
    private NoWorkTracker()
    {
    }

    /// <summary>The instance.</summary>
    public static NoWorkTracker Instance { get; } = new();

    /// <inheritdoc />
    public WorkScope Begin() => default;

    /// <inheritdoc />
    public void End()
    {
    }
}
