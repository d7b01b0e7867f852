using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Commands;

/// <summary><c>sdl audit &lt;ledger&gt; [--json]</c>: every operator control request the ledger stored, accepted or refused, oldest first.</summary>
internal static class AuditCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(CliConsole console)
    {
        var ledgerPath = LedgerArgument.Create();
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var command = new Command("audit", "List the operator control requests stored in a ledger (who, what, when, why, outcome).") { ledgerPath, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<ControlRequestRecord> requests;
            try
            {
                await using var ledger = await LedgerArgument.OpenReadOnlyAsync(parse.GetValue(ledgerPath)!, console, cancellationToken);
                if (ledger is null)
                {
                    return ExitCodes.BadInput;
                }

                requests = await ledger.GetControlRequestsAsync(cancellationToken);
            }
            catch (LedgerException ex)
            {
                console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(requests.Select(AuditEntry.From), Json));
            }
            else
            {
                PrintTable(console.Out, requests);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void PrintTable(TextWriter output, IReadOnlyList<ControlRequestRecord> requests)
    {
        if (requests.Count == 0)
        {
            output.WriteLine("No control requests.");
            return;
        }

        // Text that came off the wire is printed escaped: it can neither forge lines nor drive the terminal.
        string[] header = ["AT (UTC)", "OPERATOR", "CLIENT", "ACTION", "TARGET", "OUTCOME", "REASON", "ANSWER"];
        var rows = requests.Select(r => new[]
        {
            r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            LogText.Escape(r.Operator) ?? "-",
            LogText.Escape(r.ClientId) ?? "-",
            r.Action,
            LogText.Escape(r.Target) ?? "-",
            r.Outcome.ToString().ToLowerInvariant(),
            LogText.Escape(r.Reason) ?? "-",
            LogText.Escape(r.Detail) ?? "-",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(row => row[i].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    // The last column is not padded (no trailing spaces).
    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));

    private sealed record AuditEntry(
        DateTimeOffset At, string Site, string RequestId, string Operator, string? ClientId, string? Identity, string Action, string? Target, string? Reason, string Outcome, string Answer)
    {
        public static AuditEntry From(ControlRequestRecord r) =>
            new(r.At, r.Site, r.RequestId, r.Operator, r.ClientId, r.Identity, r.Action, r.Target, r.Reason, r.Outcome.ToString().ToLowerInvariant(), r.Detail);
    }
}
