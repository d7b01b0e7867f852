using System.CommandLine;
using SelfDrivingLab.Cli.Commands;
using SelfDrivingLab.Cli.Commands.Bench;
using SelfDrivingLab.Cli.Commands.Models;

namespace SelfDrivingLab.Cli;

/// <summary>The <c>sdl</c> command line: run campaigns, export ledgers, validate and draw workflows.</summary>
public static class SdlCommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the chosen command; returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output ?? Console.Out, error ?? Console.Error) { OutIsTerminal = output is null && !Console.IsOutputRedirected };
        var root = new RootCommand("SelfDrivingLab: closed-loop orchestration for autonomous materials labs.")
        {
            RunCommand.Create(console),
            SimulateCommand.Create(console),
            ValidateCommand.Create(console),
            ExportCommand.Create(console),
            ReportCommand.Create(console),
            StatusCommand.Create(console),
            AuditCommand.Create(console),
            ControlCommand.Create(console),
            FacilityCommand.Create(console),
            WorkflowCommand.Create(console),
            DashboardCommand.Create(console),
            BenchCommand.Create(console),
            ModelCommand.Create(console),
            ScreenCommand.Create(console),
            Commands.Discover.DiscoverCommand.Create(console),
        };
        // Signals are the hosts' (run, simulate): they stop gracefully, waiting for commands in flight, which can take longer
        // than System.CommandLine would wait before returning 130/143 on its own. Commands without a host end at once.
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, ProcessTerminationTimeout = null };
        return root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
