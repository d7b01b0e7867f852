using System.Diagnostics.CodeAnalysis;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>Loads a campaign file, printing every problem when it is broken.</summary>
internal static class CampaignFileReader
{
    /// <summary>Loads a campaign file as a facility of one campaign, or a facility file (top-level <c>facility:</c> key) as it is.</summary>
    public static bool TryLoadFacility(FileInfo file, CliConsole console, [NotNullWhen(true)] out FacilityDefinition? facility)
    {
        facility = null;
        if (!file.Exists || !CampaignLoader.IsFacilityFile(file.FullName))
        {
            var loaded = TryLoad(file, console, out var campaign);
            facility = loaded ? FacilityDefinition.Single(campaign!) : null;
            return loaded;
        }

        try
        {
            facility = CampaignLoader.LoadFacilityFile(file.FullName);
            return true;
        }
        catch (CampaignDefinitionException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return false;
        }
    }

    public static bool TryLoad(FileInfo file, CliConsole console, [NotNullWhen(true)] out CampaignDefinition? definition)
    {
        definition = null;
        if (!file.Exists && !Directory.Exists(file.FullName))
        {
            console.Error.WriteLine($"error: campaign file '{file.FullName}' does not exist.");
            return false;
        }

        try
        {
            definition = CampaignLoader.LoadFile(file.FullName);
            return true;
        }
        catch (CampaignDefinitionException ex)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return false;
        }
        catch (IOException ex)
        {
            console.Error.WriteLine($"error: cannot read '{file.FullName}': {ex.Message}");
            return false;
        }
    }
}
