using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>
/// A fresh clone must work on its own: no test, example or documented command reads a folder beside the repository,
/// every data file they read is inside it with its licence, and the project states its own licence.
/// </summary>
public sealed partial class RepositoryContentsTests
{
    // Built from parts so that this file does not match its own search.
    private static readonly string OutsideFolder = string.Concat("..", "/", "shared", "/");

    private static readonly string[] ScannedExtensions = [".cs", ".yaml", ".yml", ".md", ".csproj", ".props", ".py", ".sh", ".json"];

    [Fact]
    public void RepositoryFiles_NeverReferToAFolderBesideTheClone()
    {
        var offenders = RepositoryTextFiles()
            .Where(path => File.ReadAllText(path).Replace('\\', '/').Contains(OutsideFolder, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void WorkflowTables_AllExistInsideTheRepository()
    {
        var workflows = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "workflows"), "*.yaml", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(workflows);
        var checkedTables = 0;
        foreach (var workflow in workflows)
        {
            foreach (Match match in TableLine().Matches(File.ReadAllText(workflow)))
            {
                var table = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(workflow)!, match.Groups["path"].Value.Trim()));
                Assert.True(File.Exists(table), $"{Path.GetRelativePath(RepositoryPaths.Root, workflow)}: table '{match.Groups["path"].Value}' does not exist");
                Assert.StartsWith(RepositoryPaths.Root, table, StringComparison.Ordinal);
                checkedTables++;
            }
        }

        Assert.True(checkedTables >= 3, $"only {checkedTables} table references found");
    }

    [Fact]
    public void ReadmeDataArguments_AllExistInsideTheRepository()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var paths = DataArgument().Matches(readme).Concat(QuotedDataPath().Matches(readme)).Select(m => m.Groups["path"].Value).ToList();

        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, path)), $"README names '{path}', which is not in the repository"));
    }

    [Fact]
    public void DataFolders_EachCarryTheirLicenceAndAreCited()
    {
        var dataRoot = Path.Combine(RepositoryPaths.Root, "data");
        var index = File.ReadAllText(Path.Combine(dataRoot, "README.md"));
        var tables = Directory.EnumerateFiles(dataRoot, "*.csv", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            var folder = Path.GetDirectoryName(table)!;
            Assert.True(Directory.EnumerateFiles(folder, "LICENSE*").Any(), $"{Path.GetRelativePath(dataRoot, folder)} has no licence file");
            Assert.Contains(Path.GetRelativePath(dataRoot, table).Replace('\\', '/'), index, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Project_StatesItsLicenceAndPackageMetadata()
    {
        var licence = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LICENSE"));
        Assert.StartsWith("MIT License", licence, StringComparison.Ordinal);

        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        string? Property(string name) => props.Descendants(name).FirstOrDefault()?.Value;
        Assert.Equal("MIT", Property("PackageLicenseExpression"));
        Assert.Equal("README.md", Property("PackageReadmeFile"));
        Assert.False(string.IsNullOrWhiteSpace(Property("Authors")));
        Assert.StartsWith("https://", Property("RepositoryUrl"), StringComparison.Ordinal);
    }

    private static IEnumerable<string> RepositoryTextFiles()
    {
        string[] roots = ["src", "tests", "workflows", "docs", "instruments", "simulators", ".ci", "data"];
        foreach (var root in roots.Select(r => Path.Combine(RepositoryPaths.Root, r)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                if (ScannedExtensions.Contains(Path.GetExtension(file)) || relative == ".ci/run")
                {
                    yield return file;
                }
            }
        }

        yield return Path.Combine(RepositoryPaths.Root, "README.md");
    }

    [GeneratedRegex(@"^\s*table:\s*(?<path>[^#\r\n]+?)\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex TableLine();

    [GeneratedRegex(@"--data\s+(?<path>[^\s<]\S*)")] // a placeholder such as <data> names no file
    private static partial Regex DataArgument();

    [GeneratedRegex(@"`(?<path>data/[^`\s]+\.csv)`")] // the paths in the benchmark tables' `--data` column
    private static partial Regex QuotedDataPath();
}
