namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// A fact that is skipped (with the reason) when a command it needs is not on PATH, e.g. the
/// Debian mosquitto tools; <c>.ci/run</c> installs them, so CI always runs these tests.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresCommandsFactAttribute : FactAttribute
{
    public RequiresCommandsFactAttribute(params string[] commands)
    {
        var missing = commands.Where(c => !OnPath(c)).ToList();
        if (missing.Count > 0)
        {
            Skip = $"needs {string.Join(", ", missing)} on PATH (apt-get install mosquitto mosquitto-clients)";
        }
    }

    private static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));
}
