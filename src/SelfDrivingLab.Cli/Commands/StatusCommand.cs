using System.CommandLine;
using System.Globalization;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl status &lt;ledger&gt;</c>: each campaign's state and, for unfinished ones, the steps in flight.</summary>
internal static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var ledgerPath = LedgerArgument.Create();
        var command = new Command("status", "Show each campaign in a ledger and the steps in flight.") { ledgerPath };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var ledger = await LedgerArgument.OpenReadOnlyAsync(parse.GetValue(ledgerPath)!, console, cancellationToken);
                if (ledger is null)
                {
                    return ExitCodes.BadInput;
                }

                var campaigns = await ledger.ListCampaignsAsync(cancellationToken);
                if (campaigns.Count == 0)
                {
                    console.Out.WriteLine("No campaigns.");
                }

                foreach (var campaign in campaigns)
                {
                    await PrintAsync(console.Out, ledger, campaign, cancellationToken);
                }

                return ExitCodes.Ok;
            }
            catch (LedgerException ex)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static async Task PrintAsync(TextWriter output, ILedgerStore ledger, CampaignRecord campaign, CancellationToken cancellationToken)
    {
        var experiments = await ledger.GetExperimentsAsync(campaign.Id, cancellationToken);
        int Count(ExperimentStatus s) => experiments.Count(e => e.Status == s);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{campaign.Id}  {campaign.Status.ToString().ToLowerInvariant()}  {experiments.Count}/{campaign.Budget} proposed: {Count(ExperimentStatus.Completed)} completed, {Count(ExperimentStatus.Failed)} failed, {Count(ExperimentStatus.Aborted)} aborted, {Count(ExperimentStatus.Running) + Count(ExperimentStatus.Proposed)} unfinished  (updated {campaign.UpdatedAt:u})"));
        foreach (var experiment in experiments.Where(e => e.Status is ExperimentStatus.Proposed or ExperimentStatus.Running))
        {
            var commands = await ledger.GetCommandsAsync(experiment.Id, cancellationToken);
            var current = commands.LastOrDefault(c => c.Step == experiment.State);
            var detail = "not started";
            if (current is not null)
            {
                var events = await ledger.GetEventsAsync(current.Id, cancellationToken);
                var last = events.Count > 0 ? events[^1].Kind : "sent";
                detail = string.Create(CultureInfo.InvariantCulture, $"command {current.Id} on {current.Instrument}: {last}, deadline {current.Deadline:u}");
            }

            output.WriteLine($"  e{experiment.Sequence:0000}  {experiment.State,-16} {detail}");
        }
    }
}
