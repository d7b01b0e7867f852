using System.CommandLine;
using System.Runtime.InteropServices;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Dashboard;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Ledger.Postgres;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// <c>sdl dashboard --ledger &lt;ledger&gt; [--port P]</c>: a read-only web view of any ledger (a SQLite file or a PostgreSQL
/// ledger), finished ones included, on 127.0.0.1, updated live while the ledger changes; runs until stopped.
/// </summary>
internal static class DashboardCommand
{
    public static Command Create(CliConsole console)
    {
        var ledgerOption = new Option<string>("--ledger") { Description = LedgerArgument.Description + " Opened read-only.", Required = true };
        var port = new Option<int>("--port")
        {
            Description = $"The port on 127.0.0.1 (default {DashboardOptions.DefaultPort}; 0 picks a free one).",
            DefaultValueFactory = _ => DashboardOptions.DefaultPort,
        };
        var command = new Command("dashboard", "Serve a read-only, live web view of a ledger on 127.0.0.1 (no login: whoever can read the file can read the page).")
        {
            ledgerOption,
            port,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(ledgerOption)!;
            try
            {
                var options = Options(text, parse.GetValue(port));
                if (options is null)
                {
                    console.Error.WriteLine($"error: ledger '{Path.GetFullPath(text)}' does not exist.");
                    return ExitCodes.BadInput;
                }

                await using var server = await DashboardServer.StartAsync(options, cancellationToken: cancellationToken);
                console.Out.WriteLine($"Dashboard of {options.LedgerPath} at {server.Address} (read-only; Ctrl-C stops it).");
                await WaitUntilStoppedAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is DashboardStartException or LedgerException)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    /// <summary>
    /// The options showing <paramref name="text"/>'s ledger: a PostgreSQL one (opened read-only by the server), or a file;
    /// null when the file does not exist. Throws <see cref="LedgerException"/> for a bad PostgreSQL URI.
    /// </summary>
    private static DashboardOptions? Options(string text, int port)
    {
        if (LedgerArgument.PostgresLocation(text) is { } location)
        {
            return new DashboardOptions
            {
                LedgerPath = location.ToString(),
                OpenLedger = async ct => await PostgresLedger.OpenReadOnlyAsync(location, ct).ConfigureAwait(false),
                Port = port,
            };
        }

        var file = new FileInfo(text);
        return file.Exists ? new DashboardOptions { LedgerPath = file.FullName, Port = port } : null;
    }

    /// <summary>Waits for Ctrl-C, SIGTERM or <paramref name="cancellationToken"/>, so the server stops and the ledger closes cleanly.</summary>
    private static async Task WaitUntilStoppedAsync(CancellationToken cancellationToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var cancelled = cancellationToken.Register(() => stopped.TrySetResult());
        await stopped.Task;
    }
}
