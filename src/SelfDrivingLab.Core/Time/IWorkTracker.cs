namespace SelfDrivingLab.Core.Time;

/// <summary>
/// Marks work in progress (a message being published or handled, a model being fitted) so a
/// virtual clock advances only when every component is idle and waiting on a timer. Thread-safe.
/// Outside simulation the tracker is <see cref="NoWorkTracker"/>, which costs nothing.
/// </summary>
public interface IWorkTracker
{
    /// <summary>Marks the start of a unit of work; dispose the result when it ends.</summary>
    WorkScope Begin();

    /// <summary>Ends a unit of work started by <see cref="Begin"/>.</summary>
    void End();
}
