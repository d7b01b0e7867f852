namespace SelfDrivingLab.Tests.Shared;

/// <summary>Finds files of the repository from the test's output directory.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Workflow(string name) => Path.Combine(Root, "workflows", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SelfDrivingLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SelfDrivingLab.sln not found above " + AppContext.BaseDirectory);
    }
}
