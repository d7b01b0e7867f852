using System.CommandLine;
using SelfDrivingLab.Campaigns;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl validate &lt;campaign.yaml&gt;</c>: checks a campaign file without running it.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("campaign") { Description = "The campaign file (YAML)." };
        var command = new Command("validate", "Check a campaign file and report every problem.") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!CampaignFileReader.TryLoad(path, console, out var definition))
            {
                return ExitCodes.BadInput;
            }

            console.Out.WriteLine($"{path.Name}: valid — {definition.Space.Parameters.Count} parameters, {definition.Steps.Count} steps, budget {definition.Budget}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
