using System.CommandLine;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// <c>sdl validate &lt;file&gt;</c>: checks a campaign or facility file without running it, through the same
/// loading path as <c>sdl run</c>, so a file is valid exactly when <c>run</c> would accept it.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("campaign") { Description = "The campaign file or facility file (YAML)." };
        var command = new Command("validate", "Check a campaign or facility file and report every problem.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!CampaignFileReader.TryLoadFacility(path, console, out var facility))
            {
                return ExitCodes.BadInput;
            }

            if (facility.Campaigns is [var definition] && facility.SourcePath == definition.SourcePath)
            {
                var objectives = definition.IsMultiObjective ? $", {definition.Objectives.Count} objectives" : string.Empty;
                console.Out.WriteLine($"{path.Name}: valid — {definition.Space.Parameters.Count} parameters, {definition.Steps.Count} steps{objectives}, budget {definition.Budget}.");
                PriorNotes.Print(console.Out, definition);
                return ExitCodes.Ok;
            }

            var campaigns = string.Join(", ", facility.Campaigns.Select(c => $"{c.Name} (budget {c.Budget})"));
            console.Out.WriteLine($"{path.Name}: valid — facility '{facility.Name}': {facility.Campaigns.Count} campaigns ({campaigns}) sharing {facility.Simulators.Count} instruments.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
