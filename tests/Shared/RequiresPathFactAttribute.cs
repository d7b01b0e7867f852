namespace SelfDrivingLab.Tests.Shared;

/// <summary>A fact skipped (with the reason) when a file it needs does not exist here, e.g. <c>/dev/zero</c> on Windows.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPathFactAttribute : FactAttribute
{
    public RequiresPathFactAttribute(string path)
    {
        if (!File.Exists(path))
        {
            Skip = $"needs {path}";
        }
    }
}
