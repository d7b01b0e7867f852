using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// Prints one line per finished experiment (prefixed with the campaign's name when several run at once),
/// unless <paramref name="quiet"/>, and always a line when a campaign is resumed from the ledger (with what changed, if anything did).
/// With <paramref name="live"/> (standard output is a terminal) a status line under them shows each campaign's progress bar,
/// best so far and lab time, redrawn in place; redirected output gets the plain lines only.
/// </summary>
internal sealed class ConsoleProgress(TextWriter output, IReadOnlyList<CampaignDefinition> campaigns, bool quiet = false, bool live = false) : ICampaignObserver
{
    // Carriage return and "erase line" (ANSI): the status line is rewritten in place.
    private const string ClearLine = "\r\u001b[2K";
    private const int BarWidth = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, CampaignProgress> _latest = new(StringComparer.Ordinal);
    private bool _statusShown;

    /// <summary>Clears the status line (call before printing the summary).</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_statusShown)
            {
                output.Write(ClearLine);
                _statusShown = false;
            }
        }
    }

    public void OnExperimentFinished(CampaignProgress progress)
    {
        if (!quiet)
        {
            lock (_gate)
            {
                _latest[progress.Name] = progress;
            }

            Write(Format(progress));
        }
    }

    public void OnCampaignResumed(CampaignResumption resumption)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"Resumed campaign {resumption.CampaignId} from the ledger: {resumption.Done} of {resumption.Budget} experiments done, {resumption.InFlight} in flight, {Durations.Format(resumption.LabTime)} lab time so far.");
        if (resumption.Revision is { } revision)
        {
            var what = revision.Kind == CampaignRevisionKind.AcceptedChanges ? "Accepted changes, recorded in the ledger:" : "Changes that do not define the campaign, recorded in the ledger:";
            line += "\n" + what + string.Concat(revision.Changes.Select(c => "\n  " + LogText.Escape(c)));
        }

        if (resumption.Pause is { } pause)
        {
            line += string.Create(
                CultureInfo.InvariantCulture,
                $"\nIt is paused, as it was when its host stopped (by {LogText.Escape(pause.By)} at {pause.At:yyyy-MM-dd HH:mm:ss}Z{(pause.Reason is null ? string.Empty : ": " + LogText.Escape(pause.Reason))}); it goes on after: sdl control resume {resumption.Name}");
        }

        Write(line);
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            if (!live || quiet)
            {
                output.WriteLine(line);
                return;
            }

            output.Write(ClearLine);
            output.WriteLine(line);
            if (_latest.Count > 0)
            {
                output.Write(Status());
                _statusShown = true;
            }

            output.Flush();
        }
    }

    // Under _gate.
    private string Status() => string.Join("   ", _latest.Values.Select(p =>
    {
        var filled = p.Budget > 0 ? (int)Math.Round(BarWidth * (double)p.Done / p.Budget) : BarWidth;
        var bar = new string('#', filled) + new string('.', BarWidth - filled);
        var name = _latest.Count > 1 ? p.Name + " " : string.Empty;
        var campaign = campaigns.FirstOrDefault(c => c.Name == p.Name);
        var best = p.FrontSize is { } size ? $"front {size}"
            : p.Best is { } b ? $"best {QuantityText.Format(b.Value, campaign?.Objective?.Output ?? "objective", campaign?.Units)}" : "best -";
        return string.Create(CultureInfo.InvariantCulture, $"{name}[{bar}] {p.Done}/{p.Budget}  {best}  lab time {Durations.Format(p.LabTime)}");
    }));

    private string Format(CampaignProgress progress)
    {
        var campaign = campaigns.FirstOrDefault(c => c.Name == progress.Name);
        var objective = campaign?.Objective;
        var objectiveName = objective?.Output ?? "objective";
        var units = campaign?.Units;
        var prefix = campaigns.Count > 1 ? $"{progress.Name}  " : string.Empty;
        var e = progress.Finished;
        var width = progress.Budget.ToString(CultureInfo.InvariantCulture).Length;
        var head = string.Create(CultureInfo.InvariantCulture, $"[{progress.Done.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{progress.Budget}] e{e.Sequence:0000}");
        var body = e.Status != ExperimentStatus.Completed
            ? $"{e.Status.ToString().ToLowerInvariant()}: {LogText.Escape(e.FailureReason)}"
            : e.Objectives is { Count: > 1 } vector
                ? string.Join(", ", vector.Select(v => $"{v.Output} = {QuantityText.Format(v.Value, v.Output, units)}"))
                : $"{objectiveName} = {(e.Objective is { } value ? QuantityText.Format(value, objectiveName, units) + OffTarget(objective, value, units) : "-")}";
        var best = progress.FrontSize is { } size
            ? string.Create(CultureInfo.InvariantCulture, $"front {size}")
            : progress.Best is { } b ? string.Create(CultureInfo.InvariantCulture, $"best {QuantityText.Format(b.Value, objectiveName, units)} (e{b.Sequence:0000})") : "best -";
        return $"{prefix}{head}  {body,-40}  {best}  lab time {Durations.Format(progress.LabTime)}";
    }

    // A target campaign shows how far each result is from its target.
    private static string OffTarget(Optimization.Objectives.Objective? objective, double value, IReadOnlyDictionary<string, string>? units) =>
        objective is { Goal: Optimization.Objectives.ObjectiveGoal.Target, Target: { } target }
            ? $" (target {QuantityText.Format(target, objective.Output, units)}, off by {QuantityText.Format(Math.Abs(value - target), objective.Output, units)})"
            : string.Empty;
}
