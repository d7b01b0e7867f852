using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Simulators.Tests;

/// <summary>The simulators depend on the campaign model, never on the YAML loader or the numerical engine (issue 10 section 1).</summary>
public sealed class DependencyTests
{
    private static readonly string[] ForbiddenProjects = ["SelfDrivingLab.Campaigns", "SelfDrivingLab.Optimization", "SelfDrivingLab.Materials"];
    private static readonly string[] ForbiddenPackages = ["YamlDotNet", "MathNet.Numerics", "Microsoft.ML", "Microsoft.ML.FastTree"];

    [Fact]
    public void SimulatorsProject_References_TheCampaignModelButNotTheLoaderOrTheEngine()
    {
        var (projects, packages) = DependencyGraph.OfProject("simulators/SelfDrivingLab.Simulators/SelfDrivingLab.Simulators.csproj");

        Assert.Contains("SelfDrivingLab.Campaigns.Definitions", projects);
        Assert.Empty(projects.Intersect(ForbiddenProjects, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(packages.Intersect(ForbiddenPackages, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void SimulatorsAssembly_ReferencedAssemblies_HaveNoLoaderYamlMathNetOrMlNet()
    {
        var assemblies = DependencyGraph.OfAssembly(typeof(SimulatorFactory).Assembly);

        Assert.Contains(typeof(CampaignDefinition).Assembly.GetName().Name!, assemblies);
        Assert.Empty(assemblies.Intersect([.. ForbiddenProjects, .. ForbiddenPackages, "Microsoft.ML.Core", "Microsoft.ML.Data"], StringComparer.OrdinalIgnoreCase));
    }
}
