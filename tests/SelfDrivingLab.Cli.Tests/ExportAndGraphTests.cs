using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Hosting;

namespace SelfDrivingLab.Cli.Tests;

public sealed class ExportAndGraphTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Export_LedgerOfASmallCampaign_WritesOneRowPerExperiment()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var summary = await CampaignHost.RunAsync(new CampaignHostSettings(quickstart with { Budget = 4 }) { LedgerPath = _dir.File("ledger.db") });
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["export", _dir.File("ledger.db"), "--csv", _dir.File("out/results.csv")], output, new StringWriter());

        Assert.Equal(0, exit);
        var lines = await File.ReadAllLinesAsync(_dir.File("out/results.csv"));
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("campaign,experiment,sequence,status,state,n,r,t,theta,", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.StartsWith(summary.CampaignId.Value + ",", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_MissingLedger_ExitsWithCode2()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["export", _dir.File("none.db"), "--csv", _dir.File("x.csv")], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkflowGraph_Quickstart_PrintsMermaid()
    {
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["workflow", "graph", RepositoryPaths.Workflow("quickstart.yaml")], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("Proposed --> printing : Start", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("compression --> Completed : StepSucceeded", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Quickstart_SaysValid()
    {
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["validate", RepositoryPaths.Workflow("quickstart.yaml")], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("valid", output.ToString(), StringComparison.Ordinal);
    }
}
