using System.CommandLine;
using System.Runtime.InteropServices;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Dashboard;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// <c>sdl dashboard --ledger &lt;ledger&gt; [--port P]</c>: a read-only web view of any ledger, finished ones included,
/// on 127.0.0.1, updated live while the ledger changes; runs until stopped.
/// </summary>
internal static class DashboardCommand
{
    public static Command Create(CliConsole console)
    {
        var ledgerPath = new Option<FileInfo>("--ledger") { Description = "The ledger file (SQLite), opened read-only.", Required = true };
        var port = new Option<int>("--port")
        {
            Description = $"The port on 127.0.0.1 (default {DashboardOptions.DefaultPort}; 0 picks a free one).",
            DefaultValueFactory = _ => DashboardOptions.DefaultPort,
        };
        var command = new Command("dashboard", "Serve a read-only, live web view of a ledger on 127.0.0.1 (no login: whoever can read the file can read the page).")
        {
            ledgerPath,
            port,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(ledgerPath)!;
            if (!source.Exists)
            {
                console.Error.WriteLine($"error: ledger '{source.FullName}' does not exist.");
                return ExitCodes.BadInput;
            }

            var options = new DashboardOptions { LedgerPath = source.FullName, Port = parse.GetValue(port) };
            try
            {
                await using var server = await DashboardServer.StartAsync(options, cancellationToken: cancellationToken);
                console.Out.WriteLine($"Dashboard of {source.FullName} at {server.Address} (read-only; Ctrl-C stops it).");
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
