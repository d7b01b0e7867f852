using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Dashboard.Snapshots;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Dashboard.Timeline;

/// <summary>Reads one experiment's timeline (states, commands, events) from a ledger. Thread-safe, as the ledger is.</summary>
internal sealed class ExperimentTimelineReader(SqliteLedger ledger)
{
    /// <summary>The timeline of the experiment <paramref name="id"/>, or null when the ledger has no such experiment.</summary>
    public async Task<ExperimentTimeline?> ReadAsync(ExperimentId id, CancellationToken cancellationToken = default)
    {
        if (await ledger.FindExperimentAsync(id, cancellationToken).ConfigureAwait(false) is not { } experiment
            || await ledger.FindCampaignAsync(experiment.CampaignId, cancellationToken).ConfigureAwait(false) is not { } campaign)
        {
            return null;
        }

        var entries = new List<TimelineEntry>();
        foreach (var transition in await ledger.GetTransitionsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TimelineEntry(transition.At, "state", $"{transition.From} → {transition.To} ({transition.Trigger})", transition.Detail));
        }

        foreach (var command in await ledger.GetCommandsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TimelineEntry(command.SentAt, "command", $"{command.Step}: {command.Action} sent to {command.Instrument} ({command.Id})", command.Parameters.ToString()));
            foreach (var instrumentEvent in await ledger.GetEventsAsync(command.Id, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new TimelineEntry(instrumentEvent.At, "event", $"{instrumentEvent.Kind} from {instrumentEvent.Instrument} ({command.Step})", instrumentEvent.Payload));
            }
        }

        // A stable sort: what happened at the same instant keeps the ledger's order (a transition before the command it starts).
        var ordered = entries.OrderBy(e => e.At).ToList();
        var view = CampaignViews.Of(campaign, [experiment]).Experiments[0];
        return new ExperimentTimeline(view, ordered);
    }
}
