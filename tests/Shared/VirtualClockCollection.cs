namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// Campaigns on the virtual clock run one at a time: the clock advances only when the process's
/// thread pool is idle, so two simulated campaigns in one test process would keep each other's
/// clocks waiting (correct, but slow).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class VirtualClockCollection
{
    public const string Name = "Virtual clock";
}
