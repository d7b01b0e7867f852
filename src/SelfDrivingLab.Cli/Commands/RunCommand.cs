using System.CommandLine;
using System.Diagnostics;
using SelfDrivingLab.Cli.Commands.HostedDashboard;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl run &lt;campaign.yaml&gt;</c>: runs a campaign on the embedded broker and SQLite ledger (or the ones configured).</summary>
internal static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("campaign") { Description = "The campaign file (YAML)." };
        var ledger = new Option<string?>("--ledger")
        {
            Description = "Ledger file, or postgres://user@host:port/database[?schema=name] (password from Ledger__Password or PGPASSWORD). Default: Ledger:ConnectionString when configured (appsettings.json, Ledger__ConnectionString), else .sdl/ledger.db under the current directory.",
        };
        var summary = new Option<FileInfo?>("--summary-json") { Description = "Also write a JSON summary to this file." };
        var broker = new Option<string?>("--broker") { Description = "External MQTT broker host:port, mqtt://host:port or mqtts://host:port (TLS) (default: start an embedded broker on 127.0.0.1). Needs --real-time." };
        var credentials = new Option<FileInfo?>("--credentials") { Description = "Credentials file of the broker identities (sdl facility broker-config writes credentials.json); or set Mqtt__Username and Mqtt__Password / Mqtt__PasswordFile." };
        var realTime = new Option<bool>("--real-time") { Description = "Run on the wall clock instead of the virtual clock simulated campaigns use." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the final summary (and a line when an unfinished campaign is resumed)." };
        var logLevel = LogLevelOption.Create();
        var external = new Option<bool>("--external-instruments")
        {
            Description = "Do not start the file's simulated instruments: they run elsewhere (sdl simulate, or real hardware). Needs --broker and --real-time.",
        };
        var acceptChanges = new Option<bool>("--accept-changes")
        {
            Description = "Resume a running campaign of the same name even though what defines it changed (space, objective, workflow, pool, seed, proposer settings); the ledger records the change. Without it such a run is refused, naming every change.",
        };
        var connectTimeout = ConnectTimeoutOption.Create();
        var dashboardPort = new Option<int?>("--dashboard-port")
        {
            Description = "Serve the live dashboard on this port of 127.0.0.1 (default: a free port, printed at start; or Dashboard__Port).",
        };
        var standby = new Option<bool>("--standby")
        {
            Description = "PostgreSQL ledger only: when another live host runs this campaign, wait and take it over once that host stops renewing its lease (Ledger__LeaseDuration, default 15 s), resuming it from the ledger. Without it such a run is refused, naming the other host.",
        };
        var noDashboard = new Option<bool>("--no-dashboard") { Description = "Do not serve the live dashboard (or Dashboard__Enabled=false)." };
        var command = new Command("run", "Run a campaign to its budget and print the best experiment; serves a live dashboard meanwhile.")
        {
            file, ledger, summary, broker, credentials, realTime, quiet, logLevel, external, acceptChanges, connectTimeout, dashboardPort, noDashboard, standby,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CampaignFileReader.TryLoadFacility(parse.GetValue(file)!, console, out var facility))
            {
                return ExitCodes.BadInput;
            }

            if (!BrokerAddress.TryParse(parse.GetValue(broker), out var address, out var brokerError))
            {
                console.Error.WriteLine($"error: --broker: {brokerError}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(external) && (address is null || !parse.GetValue(realTime)))
            {
                console.Error.WriteLine("error: --external-instruments needs --broker host:port and --real-time: instruments in another process share neither an embedded broker nor a virtual clock.");
                return ExitCodes.BadInput;
            }

            if (address is not null && !parse.GetValue(realTime))
            {
                console.Error.WriteLine("error: --broker needs --real-time: the virtual clock cannot see messages while an external broker (another process) holds them, so simulated steps would miss their deadlines. Add --real-time, or drop --broker to use the embedded broker.");
                return ExitCodes.BadInput;
            }

            if (!ConnectTimeoutOption.TryRead(parse, connectTimeout, console, out var brokerTimeout))
            {
                return ExitCodes.BadInput;
            }

            if (!HostedDashboardOption.TryRead(parse.GetValue(noDashboard), parse.GetValue(dashboardPort), console, out var dashboard))
            {
                return ExitCodes.BadInput;
            }

            // Checked now, not after a campaign that may take days.
            if (parse.GetValue(summary) is { } summaryTarget && !OutputPaths.CheckFile(summaryTarget, "--summary-json", console))
            {
                return ExitCodes.BadInput;
            }

            var ledgerText = parse.GetValue(ledger);
            try
            {
                // A bad URI is refused now, in one line, not when the host starts.
                LedgerArgument.PostgresLocation(ledgerText ?? string.Empty);
            }
            catch (Core.Ledger.LedgerException ex)
            {
                console.Error.WriteLine($"error: --ledger: {ex.Message}");
                return ExitCodes.BadInput;
            }

            var postgres = PostgresLedgerLocation.IsPostgresUri(ledgerText);
            if (parse.GetValue(standby) && !postgres && ledgerText is not null)
            {
                console.Error.WriteLine("error: --standby needs a PostgreSQL ledger (--ledger postgres://…): a ledger file has one host at a time and nothing to take over.");
                return ExitCodes.BadInput;
            }

            var settings = new CampaignHostSettings(facility)
            {
                ExternalInstruments = parse.GetValue(external),
                LedgerPath = ledgerText is not null && !postgres ? Path.GetFullPath(ledgerText) : Path.GetFullPath(Path.Combine(".sdl", "ledger.db")),
                LedgerConnectionString = postgres ? ledgerText : null,
                UseConfiguredLedger = ledgerText is null,
                Broker = address,
                BrokerCredentialsFile = parse.GetValue(credentials)?.FullName,
                BrokerConnectTimeout = brokerTimeout,
                VirtualTime = !parse.GetValue(realTime),
                AcceptChanges = parse.GetValue(acceptChanges),
                Standby = parse.GetValue(standby),
                LogLevel = LogLevelOption.Parse(parse.GetValue(logLevel)!),
            };
            var stopwatch = Stopwatch.StartNew();
            var observer = new ConsoleProgress(console.Out, facility.Campaigns, parse.GetValue(quiet), live: console.OutIsTerminal);
            if (facility.Campaigns.Count > 1)
            {
                console.Out.WriteLine($"Facility '{facility.Name}': {facility.Campaigns.Count} campaigns sharing {facility.Simulators.Count} instruments.");
            }

            foreach (var c in facility.Campaigns)
            {
                var goals = string.Join(", ", c.Objectives.Select(o => o.Target is { } target
                    ? $"{o.Output} close to {Core.Text.QuantityText.Format(target, o.Output, c.Units)}"
                    : $"{o.Goal.ToString().ToLowerInvariant()} {o.Output}{(c.Units.TryGetValue(o.Output, out var unit) ? $" ({unit})" : string.Empty)}"));
                console.Out.WriteLine($"Running campaign '{c.Name}': budget {c.Budget}, {c.Parallel} in parallel, {(c.IsMultiObjective ? "objectives" : "objective")} {goals}.");
                PriorNotes.Print(console.Out, c);
            }

            IReadOnlyList<CampaignSummary> results;
            try
            {
                results = await CampaignHost.RunAllAsync(
                    settings,
                    observer,
                    dashboard.Enabled ? services => services.AddHostedDashboard(settings, dashboard.Port, console.Out, parse.GetValue(quiet)) : null,
                    cancellationToken);
            }
            catch (CampaignHostException ex)
            {
                observer.Finish();
                console.Error.WriteLine($"error: {ex.Message}");
                return ex.IsStartupFailure ? ExitCodes.BadInput : ExitCodes.CampaignFailed;
            }

            observer.Finish();
            for (var i = 0; i < results.Count; i++)
            {
                SummaryPrinter.Print(console.Out, results[i], facility.Campaigns[i], stopwatch.Elapsed);
                if (results[i].Status == Core.Ledger.CampaignStatus.Interrupted)
                {
                    var left = results[i].Experiments - results[i].Completed - results[i].Failed - results[i].Aborted;
                    console.Out.WriteLine($"Campaign '{results[i].Name}' was interrupted and nothing is lost: its {left} unfinished experiment(s) continue where they stopped. Resume it with:");
                    console.Out.WriteLine("  " + ResumeCommandLine(parse.GetValue(file)!, settings, parse.GetValue(connectTimeout)));
                }
                else if (results[i].Error is not null)
                {
                    console.Error.WriteLine($"error: {results[i].Name}: {results[i].Error}");
                }
            }

            if (parse.GetValue(summary) is { } summaryFile)
            {
                try
                {
                    await CampaignSummaryJson.WriteAsync(results, summaryFile.FullName, cancellationToken);
                }
                catch (Exception ex) when (OutputPaths.IsWriteFailure(ex))
                {
                    // The campaign itself is safe in the ledger; only its summary file is missing.
                    console.Error.WriteLine($"error: --summary-json: cannot write '{summaryFile.FullName}': {ex.Message} (the results are in the ledger)");
                    return ExitCodes.BadInput;
                }
            }

            // Interrupted (SIGTERM, Ctrl-C) is a clean stop: nothing is lost and the next run resumes it.
            return results.All(r => r.Status is Core.Ledger.CampaignStatus.Completed or Core.Ledger.CampaignStatus.Interrupted) ? ExitCodes.Ok : ExitCodes.CampaignFailed;
        });
        return command;
    }

    /// <summary>The <c>sdl run</c> command line that resumes this run's campaign: the same file, ledger, broker, clock and instruments.</summary>
    internal static string ResumeCommandLine(FileInfo campaign, CampaignHostSettings settings, string? connectTimeout)
    {
        List<string> words = ["sdl", "run", campaign.FullName];
        if (settings.LedgerConnectionString is { } connectionString)
        {
            // Without its password, which the resumed run reads from the environment as this one did.
            words.AddRange(["--ledger", PostgresLedgerLocation.Parse(connectionString).ToString()]);
        }
        else if (!settings.UseConfiguredLedger)
        {
            words.AddRange(["--ledger", settings.LedgerPath]);
        }

        if (settings.Broker is { } broker)
        {
            words.AddRange(["--broker", $"{broker.Host}:{broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}"]);
        }

        if (!settings.VirtualTime)
        {
            words.Add("--real-time");
        }

        if (settings.ExternalInstruments)
        {
            words.Add("--external-instruments");
        }

        if (connectTimeout is not null)
        {
            words.AddRange(["--connect-timeout", connectTimeout]);
        }

        return string.Join(' ', words.Select(Quote));
    }

    // Quoted for a POSIX shell when it holds anything but plain path characters.
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '+' or '=' or ',' or '@')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
