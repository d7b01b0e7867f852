using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>Prints what a campaign's prior data adds, and each row <c>outside: ignore</c> leaves out with its line and reason.</summary>
internal static class PriorNotes
{
    public static void Print(TextWriter output, CampaignDefinition campaign)
    {
        if (campaign.Prior is not { } prior)
        {
            return;
        }

        var usable = PriorDataCheck.Usable(campaign).Count;
        var ignored = PriorDataCheck.Check(campaign).Where(p => p.Outside).ToList();
        var table = Path.GetFileName(prior.Path);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Prior data: {usable} of {prior.Rows.Count} rows of {table} train the model from the start; the initial design shrinks by {usable}."));
        foreach (var row in ignored)
        {
            output.WriteLine($"  ignored (outside: ignore): {table} {row}");
        }
    }
}
