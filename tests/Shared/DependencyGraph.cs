using System.Reflection;
using System.Xml.Linq;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// What a project depends on, transitively, seen two ways: the project files (every <c>ProjectReference</c> and
/// <c>PackageReference</c>, followed through referenced projects) and the compiled assemblies
/// (<see cref="Assembly.GetReferencedAssemblies"/>, followed through every assembly that loads). Tests use it to keep
/// the dependency graph pointing one way.
/// </summary>
internal static class DependencyGraph
{
    /// <summary>
    /// The projects (by file name without extension) and packages (by id) that <paramref name="project"/> (a path
    /// relative to the repository root) references, directly or through the projects it references.
    /// </summary>
    public static (IReadOnlySet<string> Projects, IReadOnlySet<string> Packages) OfProject(string project)
    {
        var projects = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([Path.GetFullPath(Path.Combine(RepositoryPaths.Root, project))]);
        while (pending.TryPop(out var path))
        {
            var document = XDocument.Load(path);
            foreach (var item in document.Descendants().Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference"))
            {
                var include = item.Attribute("Include")?.Value ?? string.Empty;
                if (item.Name.LocalName == "PackageReference")
                {
                    packages.Add(include);
                    continue;
                }

                var referenced = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include));
                if (projects.Add(Path.GetFileNameWithoutExtension(referenced)))
                {
                    pending.Push(referenced);
                }
            }
        }

        return (projects, packages);
    }

    /// <summary>The names of every assembly <paramref name="root"/> references, directly or through the assemblies it references.</summary>
    public static IReadOnlySet<string> OfAssembly(Assembly root)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is not { } name || !names.Add(name) || IsFramework(name))
                {
                    continue;
                }

                try
                {
                    pending.Push(Assembly.Load(reference));
                }
                catch (FileNotFoundException)
                {
                    // Referenced but not deployed (an optional native back end of a package): recorded, not followed.
                }
            }
        }

        return names;
    }

    private static bool IsFramework(string name) =>
        name is "mscorlib" or "netstandard" || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32", StringComparison.Ordinal);
}
