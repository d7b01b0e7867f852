using System.CommandLine;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Hosting.Simulation;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// <c>sdl simulate &lt;campaign-or-facility.yaml&gt; --broker host:port</c>: runs the file's simulated
/// instruments as their own process, on the wall clock, until Ctrl+C or SIGTERM. Pair it with
/// <c>sdl run ... --real-time --external-instruments</c> on the same broker.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("campaign") { Description = "The campaign or facility file (YAML) whose simulated instruments to run." };
        var broker = new Option<string?>("--broker") { Description = "External MQTT broker host:port, mqtt://host:port or mqtts://host:port (TLS) (required)." };
        var credentials = new Option<FileInfo?>("--credentials") { Description = "Credentials file of the broker identities (sdl facility broker-config writes credentials.json); or set Mqtt__Username and Mqtt__Password / Mqtt__PasswordFile." };
        var journal = new Option<DirectoryInfo?>("--journal-dir") { Description = "Keep each instrument's command ids in a durable journal here, so a restarted simulator never runs a re-sent command again." };
        var executionLog = new Option<DirectoryInfo?>("--execution-log-dir") { Description = "Append one JSON line per physical execution to {instrument}.executions.jsonl here." };
        var site = new Option<string?>("--site")
        {
            Description = "Run only the simulated instruments standing at this site (its id under the facility's site or sites:), all on --broker, that site's own broker: one sdl simulate per site. Default: every simulator, each on its own site's broker.",
        };
        var connectTimeout = ConnectTimeoutOption.Create();
        var command = new Command("simulate", "Run a campaign file's simulated instruments (real time) against an external broker until stopped.")
        {
            file, broker, credentials, journal, executionLog, site, connectTimeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CampaignFileReader.TryLoadFacility(parse.GetValue(file)!, console, out var facility))
            {
                return ExitCodes.BadInput;
            }

            if (!BrokerAddress.TryParse(parse.GetValue(broker), out var address, out var brokerError) || address is null)
            {
                console.Error.WriteLine($"error: --broker: {(address is null && brokerError.Length == 0 ? "an external broker host:port is required" : brokerError)}");
                return ExitCodes.BadInput;
            }

            if (facility.Simulators.Count == 0)
            {
                console.Error.WriteLine($"error: '{facility.Name}' defines no simulated instruments.");
                return ExitCodes.BadInput;
            }

            SiteId? onlySite = null;
            if (parse.GetValue(site) is { } siteText)
            {
                var known = new[] { facility.Site }.Concat(facility.OtherSites.Select(s => s.Id)).ToList();
                if (!known.Any(s => s.Value == siteText))
                {
                    console.Error.WriteLine($"error: --site: '{siteText}' is not a site of '{facility.Name}' (its sites: {string.Join(", ", known)}).");
                    return ExitCodes.BadInput;
                }

                onlySite = known.First(s => s.Value == siteText);

                if (!facility.Simulators.Any(s => (s.Site ?? facility.Site) == onlySite))
                {
                    console.Error.WriteLine($"error: --site: no simulated instrument of '{facility.Name}' stands at site '{siteText}'.");
                    return ExitCodes.BadInput;
                }
            }

            if (!ConnectTimeoutOption.TryRead(parse, connectTimeout, console, out var brokerTimeout))
            {
                return ExitCodes.BadInput;
            }

            if ((parse.GetValue(journal) is { } journalDirectory && !OutputPaths.CheckDirectory(journalDirectory, "--journal-dir", console))
                || (parse.GetValue(executionLog) is { } logDirectory && !OutputPaths.CheckDirectory(logDirectory, "--execution-log-dir", console)))
            {
                return ExitCodes.BadInput;
            }

            var settings = new CampaignHostSettings(facility)
            {
                Broker = address,
                BrokerCredentialsFile = parse.GetValue(credentials)?.FullName,
                BrokerConnectTimeout = brokerTimeout,
                VirtualTime = false,
                JournalDirectory = parse.GetValue(journal)?.FullName,
                ExecutionLogDirectory = parse.GetValue(executionLog)?.FullName,
                SimulatorSite = onlySite,
            };
            var count = onlySite is null ? facility.Simulators.Count : facility.Simulators.Count(s => (s.Site ?? facility.Site) == onlySite);
            console.Out.WriteLine($"Simulating {count} instrument(s) of '{facility.Name}' at site '{onlySite ?? facility.Site}' on {address.Host}:{address.Port}; Ctrl+C to stop.");
            try
            {
                await SimulatorHost.RunAsync(settings, cancellationToken);
            }
            catch (CampaignHostException ex)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ex.IsStartupFailure ? ExitCodes.BadInput : ExitCodes.CampaignFailed;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
