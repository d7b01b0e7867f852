using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Cli.Commands;
using SelfDrivingLab.Cli.Tests.Crash;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Experiments;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>Issue 12 item 4: a console people can read.</summary>
public sealed class ConsoleOutputTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(3 * 24 * 60 + (3 * 60) + 16, "3 d 03 h 16 m")]
    [InlineData((2 * 60) + 5, "2 h 05 m")]
    [InlineData(59, "59 m 00 s")]
    public void Format_LabTime_DaysHoursMinutes(int minutes, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void ProgressLine_TargetCampaignWithUnits_ShowsTheTargetTheDistanceAndTheUnitsToFourDigits()
    {
        var campaign = CampaignLoader.LoadFile(RepositoryPaths.Workflow("band-gap.yaml"));
        var output = new StringWriter();
        var progress = new ConsoleProgress(output, [campaign]);
        var parameters = ParameterSet.Empty;
        var outcome = new ExperimentOutcome(new ExperimentId("e-2"), 2, ExperimentStatus.Completed, parameters, null, 1.3902512345, null, DateTimeOffset.UnixEpoch);

        progress.OnExperimentFinished(new CampaignProgress(new CampaignId("c"), campaign.Name, outcome, 2, 24, new BestExperiment(new ExperimentId("e-2"), 2, parameters, 1.3902512345), TimeSpan.FromMinutes(104)));

        var line = output.ToString();
        Assert.Contains("band_gap_ev = 1.39 eV (target 1.34 eV, off by 0.05025 eV)", line, StringComparison.Ordinal);
        Assert.Contains("best 1.39 eV (e0002)", line, StringComparison.Ordinal);
        Assert.Contains("lab time 1 h 44 m", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_OnATerminal_RedrawsAStatusLineUnderTheExperimentLinesAndFinishClearsIt()
    {
        var campaign = CampaignLoader.LoadFile(RepositoryPaths.Workflow("band-gap.yaml"));
        var output = new StringWriter();
        var progress = new ConsoleProgress(output, [campaign], live: true);
        var outcome = new ExperimentOutcome(new ExperimentId("e-2"), 2, ExperimentStatus.Completed, ParameterSet.Empty, null, 1.39, null, DateTimeOffset.UnixEpoch);

        progress.OnExperimentFinished(new CampaignProgress(new CampaignId("c"), campaign.Name, outcome, 6, 24, new BestExperiment(new ExperimentId("e-2"), 2, ParameterSet.Empty, 1.39), TimeSpan.FromMinutes(104)));
        progress.Finish();

        // Clear the line, the experiment's line, then the status (a quarter of the bar filled), and at the end clear it again.
        var text = output.ToString();
        Assert.StartsWith("\r\u001b[2K[ 6/24] e0002", text, StringComparison.Ordinal);
        Assert.Contains("\n[#####...............] 6/24  best 1.39 eV  lab time 1 h 44 m\r\u001b[2K", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_Redirected_WritesPlainLinesOnly()
    {
        var campaign = CampaignLoader.LoadFile(RepositoryPaths.Workflow("band-gap.yaml"));
        var output = new StringWriter();
        var progress = new ConsoleProgress(output, [campaign], live: false);
        var outcome = new ExperimentOutcome(new ExperimentId("e-2"), 2, ExperimentStatus.Completed, ParameterSet.Empty, null, 1.39, null, DateTimeOffset.UnixEpoch);

        progress.OnExperimentFinished(new CampaignProgress(new CampaignId("c"), campaign.Name, outcome, 6, 24, null, TimeSpan.FromMinutes(104)));
        progress.Finish();

        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Run_CampaignWithFailures_PrintsEachFailureOnceOnStdoutAndNoLogRecordThere()
    {
        // The quickstart's printer fails now and then: each failure is one progress line, and no log record joins it on stdout.
        using var sdl = SdlProcess.Start("run", RepositoryPaths.Workflow("quickstart.yaml"), "--ledger", _dir.File("ledger.db"));

        Assert.True(await sdl.WaitForExitAsync(TimeSpan.FromSeconds(120)), sdl.Output);

        Assert.True(sdl.ExitCode == 0, sdl.Output);
        var stdout = sdl.StandardOutput.Split('\n');
        Assert.DoesNotContain(stdout, l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("info:", StringComparison.Ordinal) || l.StartsWith("      ", StringComparison.Ordinal));
        var failures = stdout.Where(l => l.Contains("  failed: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Single(sdl.Output.Split('\n'), l => l.Contains(f[f.IndexOf("failed: ", StringComparison.Ordinal)..f.IndexOf("  best", StringComparison.Ordinal)], StringComparison.Ordinal)));
        Assert.Contains(stdout, l => l.StartsWith("Best measured: toughness = ", StringComparison.Ordinal) && l.Contains(" mm, ", StringComparison.Ordinal));
    }
}
