using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Reports.Data;

/// <summary>Reads what a campaign report needs from a ledger (read-only use; the ledger is not changed).</summary>
public static class CampaignReportReader
{
    private static readonly string[] FinalEvents = ["completed", "failed", "rejected", "aborted"];


    /// <summary>
    /// Reads <paramref name="campaign"/>. Its definition is parsed from <paramref name="definitionFile"/> when given, else
    /// from the text the ledger stored, without its simulators (<see cref="CampaignLoader.ParseModel"/>: a pool or prior
    /// table then resolves against the current directory); a definition
    /// that cannot be read leaves <see cref="CampaignReportData.Definition"/> null with the reason, and the objectives are
    /// then taken from the stored identity.
    /// </summary>
    public static async Task<CampaignReportData> ReadAsync(ILedger ledger, CampaignRecord campaign, string? definitionFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(campaign);
        var experiments = (await ledger.GetExperimentsAsync(campaign.Id, cancellationToken).ConfigureAwait(false)).OrderBy(e => e.Sequence).ToList();
        var commands = new List<CommandSpan>();
        foreach (var experiment in experiments)
        {
            foreach (var command in await ledger.GetCommandsAsync(experiment.Id, cancellationToken).ConfigureAwait(false))
            {
                var final = (await ledger.GetEventsAsync(command.Id, cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => FinalEvents.Contains(e.Kind, StringComparer.Ordinal));
                commands.Add(new CommandSpan(command, final?.At, final?.Kind));
            }
        }

        var prior = await ledger.GetPriorDataAsync(campaign.Id, cancellationToken).ConfigureAwait(false);
        var (definition, problem) = ReadDefinition(campaign, definitionFile);
        var objectives = definition?.Objectives ?? ObjectivesOf(campaign);
        return new CampaignReportData(campaign, experiments, commands, prior, objectives, definition, problem);
    }

    private static (CampaignDefinition? Definition, string? Problem) ReadDefinition(CampaignRecord campaign, string? definitionFile)
    {
        try
        {
            var definition = definitionFile is null ? CampaignLoader.ParseModel(campaign.Definition) : CampaignLoader.LoadFile(definitionFile);
            return definition.Name == campaign.Name
                ? (definition, null)
                : (null, $"the campaign file defines '{definition.Name}', not '{campaign.Name}'");
        }
        catch (CampaignDefinitionException ex)
        {
            var first = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? ex.Message;
            return (null, $"its definition cannot be read from here ({first}); run from the campaign file's directory or pass --definition <campaign file>");
        }
    }

    private static IReadOnlyList<Objective> ObjectivesOf(CampaignRecord campaign) =>
        CampaignIdentity.TryParse(campaign.Identity, out var identity) && identity is not null ? identity.Objectives : [];
}
