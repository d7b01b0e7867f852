using System.Globalization;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>Prints one line per finished experiment.</summary>
internal sealed class ConsoleProgress(TextWriter output, string objectiveName) : ICampaignObserver
{
    public void OnExperimentFinished(CampaignProgress progress)
    {
        var e = progress.Finished;
        var width = progress.Budget.ToString(CultureInfo.InvariantCulture).Length;
        var head = string.Create(CultureInfo.InvariantCulture, $"[{progress.Done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{progress.Budget}] e{e.Sequence:0000}");
        var body = e.Status == ExperimentStatus.Completed
            ? string.Create(CultureInfo.InvariantCulture, $"{objectiveName} = {e.Objective:G5}")
            : $"{e.Status.ToString().ToLowerInvariant()}: {e.FailureReason}";
        var best = progress.Best is { } b ? string.Create(CultureInfo.InvariantCulture, $"best {b.Value:G5} (e{b.Sequence:0000})") : "best -";
        output.WriteLine($"{head}  {body,-40}  {best}  lab time {Durations.Format(progress.LabTime)}");
    }
}
