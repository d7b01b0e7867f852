namespace SelfDrivingLab.Dashboard.Tests;

/// <summary>Dependencies point one way: the dashboard reads the ledger; nothing the orchestrator is made of knows the dashboard.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void DashboardProject_References_TheLedgerAndTheCampaignModelOnly()
    {
        var (projects, _) = DependencyGraph.OfProject("src/SelfDrivingLab.Dashboard/SelfDrivingLab.Dashboard.csproj");

        Assert.Equal(
            ["SelfDrivingLab.Campaigns.Definitions", "SelfDrivingLab.Core", "SelfDrivingLab.Ledger", "SelfDrivingLab.Optimization.Definitions"],
            projects.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("src/SelfDrivingLab.Core/SelfDrivingLab.Core.csproj")]
    [InlineData("src/SelfDrivingLab.Ledger/SelfDrivingLab.Ledger.csproj")]
    [InlineData("src/SelfDrivingLab.Workflow/SelfDrivingLab.Workflow.csproj")]
    [InlineData("src/SelfDrivingLab.Hosting/SelfDrivingLab.Hosting.csproj")]
    public void ProductProjects_DoNotReference_TheDashboard(string project)
    {
        var (projects, _) = DependencyGraph.OfProject(project);

        Assert.DoesNotContain("SelfDrivingLab.Dashboard", projects);
    }
}
