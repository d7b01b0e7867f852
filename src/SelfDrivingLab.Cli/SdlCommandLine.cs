using System.CommandLine;
using SelfDrivingLab.Cli.Commands;
using SelfDrivingLab.Cli.Commands.Bench;

namespace SelfDrivingLab.Cli;

/// <summary>The <c>sdl</c> command line: run campaigns, export ledgers, validate and draw workflows.</summary>
public static class SdlCommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output ?? Console.Out, error ?? Console.Error);
        var root = new RootCommand("SelfDrivingLab: closed-loop orchestration for autonomous materials labs.")
        {
            RunCommand.Create(console),
            SimulateCommand.Create(console),
            ValidateCommand.Create(console),
            ExportCommand.Create(console),
            StatusCommand.Create(console),
            ControlCommand.Create(console),
            FacilityCommand.Create(console),
            WorkflowCommand.Create(console),
            BenchCommand.Create(console),
        };
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
