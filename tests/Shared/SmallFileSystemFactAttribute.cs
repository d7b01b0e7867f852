namespace SelfDrivingLab.Tests.Shared;

/// <summary>A fact skipped (with the reason) when no <see cref="SmallFileSystem"/> can be mounted here.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SmallFileSystemFactAttribute : FactAttribute
{
    public SmallFileSystemFactAttribute()
    {
        if (SmallFileSystem.WhyUnsupported is { } why)
        {
            Skip = why;
        }
    }
}
