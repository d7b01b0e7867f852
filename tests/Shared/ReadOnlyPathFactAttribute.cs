namespace SelfDrivingLab.Tests.Shared;

/// <summary>A fact skipped (with the reason) when this process cannot make a path read-only (<see cref="ReadOnlyPath"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ReadOnlyPathFactAttribute : FactAttribute
{
    public ReadOnlyPathFactAttribute()
    {
        if (ReadOnlyPath.WhyUnsupported is { } why)
        {
            Skip = why;
        }
    }
}
