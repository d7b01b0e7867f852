using System.CommandLine;
using SelfDrivingLab.Workflow.Experiments;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl workflow graph &lt;campaign.yaml&gt;</c>: prints the experiment state machine as a Mermaid diagram.</summary>
internal static class WorkflowCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("campaign") { Description = "The campaign file (YAML)." };
        var graph = new Command("graph", "Print the workflow's experiment state machine as a Mermaid diagram.") { file };
        graph.SetAction(parse =>
        {
            if (!CampaignFileReader.TryLoad(parse.GetValue(file)!, console, out var definition))
            {
                return ExitCodes.BadInput;
            }

            console.Out.WriteLine(ExperimentStateMachine.ToMermaid(definition.Steps, definition.Approval is not null));
            return ExitCodes.Ok;
        });
        return new Command("workflow", "Inspect workflows.") { graph };
    }
}
