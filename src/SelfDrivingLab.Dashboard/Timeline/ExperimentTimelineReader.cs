using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Dashboard.Snapshots;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Dashboard.Timeline;

/// <summary>Reads one experiment's timeline (states, commands, events) from a ledger. Thread-safe, as the ledger is.</summary>
internal sealed class ExperimentTimelineReader(ILedgerStore ledger)
{
    /// <summary>The timeline of the experiment <paramref name="id"/>, or null when the ledger has no such experiment.</summary>
    public async Task<ExperimentTimeline?> ReadAsync(ExperimentId id, CancellationToken cancellationToken = default)
    {
        if (await ledger.FindExperimentAsync(id, cancellationToken).ConfigureAwait(false) is not { } experiment
            || await ledger.FindCampaignAsync(experiment.CampaignId, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return null;
        }

        // Within one instant the ledger's order is: the final event of the step before, the transition it causes, the
        // command of the next step, then that command's first events.
        var entries = new List<(TimelineEntry Entry, int Rank)>();
        foreach (var transition in await ledger.GetTransitionsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            entries.Add((new TimelineEntry(transition.At, "state", $"{transition.From} → {transition.To} ({transition.Trigger})", transition.Detail), 1));
        }

        foreach (var command in await ledger.GetCommandsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            var summary = $"{command.Step}: {command.Action} sent to {command.Instrument} ({command.Id})";
            entries.Add((new TimelineEntry(command.SentAt, "command", summary, null, CampaignViews.Values(command.Parameters)), 2));
            foreach (var instrumentEvent in await ledger.GetEventsAsync(command.Id, cancellationToken).ConfigureAwait(false))
            {
                var entry = new TimelineEntry(instrumentEvent.At, "event", $"{instrumentEvent.Kind} from {instrumentEvent.Instrument} ({command.Step})", instrumentEvent.Payload);
                entries.Add((entry, instrumentEvent.At > command.SentAt ? 0 : 3));
            }
        }

        var ordered = entries.OrderBy(e => e.Entry.At).ThenBy(e => e.Rank).Select(e => e.Entry).ToList();
        var view = CampaignViews.Of(campaign, [experiment]).Experiments[0];
        return new ExperimentTimeline(view, ordered);
    }
}
