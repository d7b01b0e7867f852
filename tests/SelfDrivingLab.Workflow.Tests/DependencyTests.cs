using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Workflow.Tests;

/// <summary>The workflow engine depends on the campaign model, never on the YAML loader (issue 10 section 1).</summary>
public sealed class DependencyTests
{
    private static readonly string[] Forbidden = ["SelfDrivingLab.Campaigns", "SelfDrivingLab.Materials", "YamlDotNet"];

    [Fact]
    public void WorkflowProject_References_TheCampaignModelButNotTheLoader()
    {
        var (projects, packages) = DependencyGraph.OfProject("src/SelfDrivingLab.Workflow/SelfDrivingLab.Workflow.csproj");

        Assert.Contains("SelfDrivingLab.Campaigns.Definitions", projects);
        Assert.Empty(projects.Concat(packages).Intersect(Forbidden, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void WorkflowAssembly_ReferencedAssemblies_HaveNoLoaderOrYaml()
    {
        var assemblies = DependencyGraph.OfAssembly(typeof(CampaignRunner).Assembly);

        Assert.Contains(typeof(CampaignDefinition).Assembly.GetName().Name!, assemblies);
        Assert.Empty(assemblies.Intersect(Forbidden, StringComparer.OrdinalIgnoreCase));
    }
}
