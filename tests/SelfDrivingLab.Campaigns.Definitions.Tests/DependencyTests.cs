using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Campaigns.Definitions.Tests;

/// <summary>The campaign model takes no package: only Core and the optimization problem's types (issue 10 section 1).</summary>
public sealed class DependencyTests
{
    [Fact]
    public void ModelProject_References_OnlyCoreAndTheProblemTypes()
    {
        var (projects, packages) = DependencyGraph.OfProject("src/SelfDrivingLab.Campaigns.Definitions/SelfDrivingLab.Campaigns.Definitions.csproj");

        Assert.Equal(["SelfDrivingLab.Core", "SelfDrivingLab.Optimization.Definitions"], projects.Order(StringComparer.Ordinal));
        // The analyzer every product project gets from Directory.Build.props is not a runtime dependency.
        Assert.Empty(packages);
    }

    [Fact]
    public void ModelAssembly_ReferencedAssemblies_AreOnlyOursAndTheFramework()
    {
        var assemblies = DependencyGraph.OfAssembly(typeof(CampaignDefinition).Assembly);

        Assert.Equal(["SelfDrivingLab.Core", "SelfDrivingLab.Optimization.Definitions"], assemblies.Where(a => !IsFramework(a)).Order(StringComparer.Ordinal));
    }

    private static bool IsFramework(string name) => name is "mscorlib" or "netstandard" || name.StartsWith("System", StringComparison.Ordinal);
}
