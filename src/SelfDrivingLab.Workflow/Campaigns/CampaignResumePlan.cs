using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>
/// What running a definition against a ledger does. The unfinished (Running or Interrupted) campaign of the same name is the one to resume; it is
/// resumed when what defines it (<see cref="CampaignIdentity.Facts"/>) is unchanged — budget, parallelism, description,
/// approval, simulators, comments and formatting may change freely — and otherwise refused, naming each change, unless
/// the changes are accepted. A campaign stored before ledger schema 3 has no stored identity: its file text decides, as
/// before (the same text resumes it, any other starts a new campaign). Immutable.
/// </summary>
/// <param name="Campaign">The campaign to resume, or null to start a new one.</param>
/// <param name="Identity">The definition's identity (stored with a new campaign or a revision).</param>
/// <param name="Changes">What defines the campaign and changed (refused unless <paramref name="AcceptChanges"/>).</param>
/// <param name="FreeChanges">What may change freely and changed.</param>
/// <param name="TextChanged">Whether the definition's text differs from the stored one.</param>
/// <param name="AcceptChanges">Whether changes to what defines the campaign are accepted (<c>sdl run --accept-changes</c>).</param>
/// <param name="StoresIdentity">Whether the campaign has no stored identity yet (stored before ledger schema 3).</param>
public sealed record CampaignResumePlan(
    CampaignRecord? Campaign,
    CampaignIdentity Identity,
    IReadOnlyList<DefinitionChange> Changes,
    IReadOnlyList<DefinitionChange> FreeChanges,
    bool TextChanged,
    bool AcceptChanges,
    bool StoresIdentity = false)
{
    /// <summary>Starts a new campaign.</summary>
    public bool IsNew => Campaign is null;

    /// <summary>Refused: the running campaign's definition changed in what defines it, and the changes were not accepted.</summary>
    public bool IsRefused => Campaign is not null && Changes.Count > 0 && !AcceptChanges;

    /// <summary>Plans <paramref name="definition"/> against the campaigns of <paramref name="ledger"/> (reads only).</summary>
    public static async Task<CampaignResumePlan> ForAsync(ILedger ledger, CampaignDefinition definition, bool acceptChanges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(definition);
        var identity = CampaignIdentity.Of(definition);
        var running = (await ledger.ListCampaignsAsync(cancellationToken).ConfigureAwait(false))
            .Where(c => c.Status is CampaignStatus.Running or CampaignStatus.Interrupted && c.Name == definition.Name)
            .ToList();
        if (running.Count == 0)
        {
            return new(null, identity, [], [], TextChanged: false, acceptChanges);
        }

        var latest = running[^1];
        if (CampaignIdentity.TryParse(latest.Identity, out var stored))
        {
            return new(latest, identity, stored!.ChangesTo(identity), stored.FreeChangesTo(identity), latest.Definition != definition.SourceText, acceptChanges);
        }

        // Stored before ledger schema 3 (or with an identity of another version): only the file text can tell, as it always did.
        var sameText = running.LastOrDefault(c => c.Definition == definition.SourceText);
        return new(sameText, identity, [], [], TextChanged: false, acceptChanges, StoresIdentity: sameText is not null);
    }

    /// <summary>
    /// The revision to store when the campaign is resumed under a definition that differs from the stored one (changed
    /// facts, free or accepted, another text, or an identity to store for the first time); null otherwise.
    /// </summary>
    public CampaignRevisionRecord? Revision(CampaignDefinition definition, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Campaign is null || IsRefused)
        {
            return null;
        }

        List<string> lines = [.. Changes.Select(c => c.ToString()), .. FreeChanges.Select(c => c.ToString())];
        if (StoresIdentity)
        {
            lines.Add("identity: stored (the campaign was stored before ledger schema 3 and resumed with the same file text)");
        }
        else if (TextChanged && lines.Count == 0)
        {
            lines.Add("text: changed where it does not define the campaign (comments, formatting, key order, file location)");
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var kind = Changes.Count > 0 ? CampaignRevisionKind.AcceptedChanges : CampaignRevisionKind.FreeChanges;
        return new CampaignRevisionRecord(Campaign.Id, kind, at, definition.SourceText, Identity.ToJson(), definition.Seed, definition.Budget, lines);
    }

    /// <summary>Why a refused plan is refused, naming every change, and how to go on.</summary>
    public string Refusal(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return $"campaign '{definition.Name}' is running in the ledger as {Campaign?.Id} with another definition, and these changes would make it another campaign:"
            + string.Concat(Changes.Select(c => "\n  " + c))
            + "\nNothing was written. To resume it under the new definition (the ledger records the change), run again with --accept-changes; "
            + "to start the changed campaign anew, give it another name.";
    }
}
