using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Discovery;
using SelfDrivingLab.Cli.Commands.Models;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Data;
using SelfDrivingLab.PropertyModels.Screening;
using SelfDrivingLab.Reports;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Commands.Discover;

/// <summary>
/// <c>sdl discover &lt;file.yaml&gt;</c>: trains (or loads) the property models, enumerates and screens the chemical
/// system, writes the ranked pool, runs the campaign over it on the simulated lab (virtual clock, embedded broker,
/// SQLite ledger) and writes the report — every file under the discovery's <c>out</c> directory.
/// </summary>
internal static class DiscoverCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("discovery") { Description = "The discovery file (YAML): models, screen, lab, campaign." };
        var command = new Command("discover", "From public data to the first experiments: train property models, screen a chemical system, run the campaign on the simulated lab and report.") { file };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(file)!, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, CliConsole console, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        DiscoveryDefinition discovery;
        if (!file.Exists)
        {
            await console.Error.WriteLineAsync($"error: discovery file '{file.FullName}' does not exist.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            discovery = DiscoveryLoader.LoadFile(file.FullName);
        }
        catch (CampaignDefinitionException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        Directory.CreateDirectory(discovery.OutputDirectory);
        var prepared = await Task.Run(() => ModelErrors.Run(console, () => Prepare(discovery, console, clock, cancellationToken)), cancellationToken).ConfigureAwait(false);
        if (prepared != ExitCodes.Ok)
        {
            return prepared;
        }

        if (!CampaignFileReader.TryLoadFacility(new FileInfo(discovery.CampaignPath), console, out var facility))
        {
            return ExitCodes.BadInput;
        }

        var campaign = facility.Campaigns[0];
        await console.Out.WriteLineAsync($"Running campaign '{campaign.Name}' over the screened pool on the simulated lab: budget {campaign.Budget}, {campaign.Parallel} in parallel ({discovery.CampaignPath}).").ConfigureAwait(false);
        PriorNotes.Print(console.Out, campaign);
        var settings = new CampaignHostSettings(facility) { LedgerPath = discovery.LedgerPath, VirtualTime = true };
        IReadOnlyList<CampaignSummary> results;
        try
        {
            results = await CampaignHost.RunAllAsync(settings, new ConsoleProgress(console.Out, facility.Campaigns, quiet: true), cancellationToken).ConfigureAwait(false);
        }
        catch (CampaignHostException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ex.IsStartupFailure ? ExitCodes.BadInput : ExitCodes.CampaignFailed;
        }

        SummaryPrinter.Print(console.Out, results[0], campaign, clock.Elapsed);
        await using (var ledger = await SqliteLedger.OpenReadOnlyAsync(discovery.LedgerPath, cancellationToken).ConfigureAwait(false))
        {
            var (index, reports) = await ReportWriter.WriteAsync(ledger, discovery.ReportDirectory, null, discovery.CampaignPath, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"Report: {index} ({reports.Sum(r => r.Images.Count)} plots)").ConfigureAwait(false);
        }

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Discovery '{discovery.Name}' done in {clock.Elapsed.TotalSeconds:F1} s; files in {discovery.OutputDirectory}")).ConfigureAwait(false);
        return results[0].Status == Core.Ledger.CampaignStatus.Completed ? ExitCodes.Ok : ExitCodes.CampaignFailed;
    }

    /// <summary>Models, screened pool, the simulated lab's truth table and the campaign file.</summary>
    private static int Prepare(DiscoveryDefinition discovery, CliConsole console, Stopwatch clock, CancellationToken cancellationToken)
    {
        var models = new Dictionary<string, PropertyModel>(StringComparer.Ordinal);
        foreach (var spec in discovery.Models)
        {
            var started = clock.Elapsed;
            var (model, loaded) = DiscoveryModels.LoadOrTrain(spec, discovery.Seed, cancellationToken);
            models.Add(spec.Name, model);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Model '{spec.Name}': {(loaded ? "loaded" : "trained")} ({ModelKinds.Name(model.Info.Kind)}, {model.Info.TrainingRows} rows of {Path.GetFileName(spec.Table)}) in {(clock.Elapsed - started).TotalSeconds:F1} s → {spec.File}"));
        }

        // The lab's truth is not known to the screen: it screens with every other model.
        var screening = discovery.Models.Where(m => m.Name != discovery.TruthModel).Select(m => models[m.Name]).ToArray();
        var screenStarted = clock.Elapsed;
        var candidates = discovery.Space.Enumerate().ToArray();
        var result = Screener.Screen(candidates, screening, discovery.Criteria, discovery.Top);
        if (result.Ranked.Count < 2)
        {
            throw new ArgumentException($"the screen kept {result.Ranked.Count} of {candidates.Length} compositions; a campaign needs at least two (widen 'where' or the elements)");
        }

        ScreenCommand.Write(discovery.PoolPath, screening, result);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Screened {candidates.Length} compositions of {string.Join('-', discovery.Space.Elements)} in {(clock.Elapsed - screenStarted).TotalSeconds:F2} s: {result.Passed} passed, {result.Ranked.Count} in the pool → {discovery.PoolPath}"));

        WriteTruth(discovery, models[discovery.TruthModel], result);
        File.WriteAllText(discovery.CampaignPath, discovery.CampaignYaml);
        return ExitCodes.Ok;
    }

    /// <summary>The simulated lab's answers: the truth model's prediction of each pool formula (the instrument adds noise).</summary>
    private static void WriteTruth(DiscoveryDefinition discovery, PropertyModel truth, ScreenResult result)
    {
        var predictions = truth.Predict([.. result.Ranked.Select(c => c.Composition)]);
        using var writer = new StreamWriter(discovery.TruthPath);
        writer.WriteLine(string.Join(',', DiscoveryDefinition.TruthKey, LedgerCsvExporter.Quote(discovery.TruthOutput)));
        for (var i = 0; i < predictions.Length; i++)
        {
            writer.WriteLine($"{LedgerCsvExporter.Quote(result.Ranked[i].Composition.ToString())},{predictions[i].Value.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }
}
