using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Dashboard.Snapshots;

/// <summary>
/// Reads a <see cref="DashboardView"/> from a ledger. A finished experiment gets no more commands, so its commands are
/// read once and kept: a poll reads the campaigns, their experiments and the commands of unfinished ones only.
/// Not thread-safe: one poller owns it.
/// </summary>
internal sealed class DashboardViewReader(ILedgerStore ledger)
{
    private static readonly string[] FinalEventKinds = ["completed", "failed", "rejected", "aborted", "timeout"];
    private readonly Dictionary<ExperimentId, IReadOnlyList<CommandRecord>> _finishedCommands = [];

    public async Task<DashboardView> ReadAsync(CancellationToken cancellationToken = default)
    {
        var campaigns = new List<CampaignView>();
        var commands = new List<CommandRecord>();
        var inFlight = new Dictionary<string, CommandView>(StringComparer.Ordinal);
        foreach (var campaign in await ledger.ListCampaignsAsync(cancellationToken).ConfigureAwait(false))
        {
            var experiments = await ledger.GetExperimentsAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
            campaigns.Add(CampaignViews.Of(campaign, experiments));
            foreach (var experiment in experiments)
            {
                var unfinished = experiment.Status is ExperimentStatus.Proposed or ExperimentStatus.Running;
                var stored = unfinished ? null : _finishedCommands.GetValueOrDefault(experiment.Id);
                stored ??= await ledger.GetCommandsAsync(experiment.Id, cancellationToken).ConfigureAwait(false);
                if (!unfinished)
                {
                    _finishedCommands[experiment.Id] = stored;
                }

                commands.AddRange(stored);
                if (unfinished)
                {
                    await AddInFlightAsync(stored, inFlight, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var statuses = await ledger.GetInstrumentStatusesAsync(cancellationToken).ConfigureAwait(false);
        var requests = await ledger.GetControlRequestsAsync(cancellationToken).ConfigureAwait(false);
        return new DashboardView(ledger.Location, campaigns, InstrumentViews.Of(statuses, commands, inFlight), [.. requests.Reverse()]);
    }

    private async Task AddInFlightAsync(IReadOnlyList<CommandRecord> commands, Dictionary<string, CommandView> inFlight, CancellationToken cancellationToken)
    {
        foreach (var command in commands)
        {
            var events = await ledger.GetEventsAsync(command.Id, cancellationToken).ConfigureAwait(false);
            if (events.Any(e => FinalEventKinds.Contains(e.Kind, StringComparer.Ordinal)))
            {
                continue;
            }

            var lastEvent = events.Count > 0 ? events[^1].Kind : "sent";
            inFlight[command.Instrument.Value] = new CommandView(
                command.Id.Value, command.ExperimentId.Value, command.Step, command.Action, command.SentAt, command.Deadline, lastEvent);
        }
    }
}
