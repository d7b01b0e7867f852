using System.CommandLine;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary><c>sdl bench</c>: optimizer benchmarks (pool campaigns on real data, surrogate speed).</summary>
public static class BenchCommand
{
    /// <summary>Creates the <c>bench</c> command with its <c>campaign</c>, <c>calibration</c>, <c>surrogate</c>, <c>orchestration</c>, <c>takeover</c>, <c>quickstart</c> and <c>multiobjective</c> subcommands.</summary>
    public static Command Create(CliConsole console)
    {
        var command = new Command("bench", "Benchmark proposal strategies and surrogates.")
        {
            BenchCampaignCommand.Create(console),
            BenchCalibrationCommand.Create(console),
            SurrogateBenchCommand.Create(console),
            OrchestrationBenchCommand.Create(console),
            TakeoverBenchCommand.Create(console),
            QuickstartBenchCommand.Create(console),
            BenchMultiObjectiveCommand.Create(console),
        };
        return command;
    }
}
