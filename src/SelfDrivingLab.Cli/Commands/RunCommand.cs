using System.CommandLine;
using System.Diagnostics;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl run &lt;campaign.yaml&gt;</c>: runs a campaign on the embedded broker and SQLite ledger (or the ones configured).</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("campaign") { Description = "The campaign file (YAML)." };
        var ledger = new Option<FileInfo?>("--ledger") { Description = "Ledger file (default: .sdl/ledger.db under the current directory)." };
        var summary = new Option<FileInfo?>("--summary-json") { Description = "Also write a JSON summary to this file." };
        var broker = new Option<string?>("--broker") { Description = "External MQTT broker host:port (default: start an embedded broker on 127.0.0.1)." };
        var realTime = new Option<bool>("--real-time") { Description = "Run on the wall clock instead of the virtual clock simulated campaigns use." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the final summary." };
        var command = new Command("run", "Run a campaign to its budget and print the best experiment.") { file, ledger, summary, broker, realTime, quiet };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CampaignFileReader.TryLoad(parse.GetValue(file)!, console, out var definition))
            {
                return ExitCodes.BadInput;
            }

            if (!BrokerAddress.TryParse(parse.GetValue(broker), out var address, out var brokerError))
            {
                console.Error.WriteLine($"error: --broker: {brokerError}");
                return ExitCodes.BadInput;
            }

            var settings = new CampaignHostSettings(definition)
            {
                LedgerPath = (parse.GetValue(ledger)?.FullName) ?? Path.GetFullPath(Path.Combine(".sdl", "ledger.db")),
                Broker = address,
                VirtualTime = !parse.GetValue(realTime),
            };
            var stopwatch = Stopwatch.StartNew();
            ICampaignObserver? observer = parse.GetValue(quiet) ? null : new ConsoleProgress(console.Out, definition.Objective.Output);
            console.Out.WriteLine($"Running campaign '{definition.Name}': budget {definition.Budget}, {definition.Parallel} in parallel, objective {definition.Objective.Goal.ToString().ToLowerInvariant()} {definition.Objective.Output}.");
            CampaignSummary result;
            try
            {
                result = await CampaignHost.RunAsync(settings, observer, cancellationToken);
            }
            catch (CampaignHostException ex)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.CampaignFailed;
            }

            SummaryPrinter.Print(console.Out, result, definition.Objective.Output, stopwatch.Elapsed);
            if (parse.GetValue(summary) is { } summaryFile)
            {
                await CampaignSummaryJson.WriteAsync(result, summaryFile.FullName, cancellationToken);
            }

            if (result.Error is not null)
            {
                console.Error.WriteLine($"error: {result.Error}");
            }

            return result.Status == Core.Ledger.CampaignStatus.Completed ? ExitCodes.Ok : ExitCodes.CampaignFailed;
        });
        return command;
    }
}
