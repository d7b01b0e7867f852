using System.Text.Json;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl audit &lt;ledger&gt;</c>: the stored control requests as a plain table or JSON, read-only.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Audit_TwoRequests_PrintsATableOldestFirstWithEscapedText()
    {
        var ledger = await LedgerWithRequestsAsync();
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["audit", ledger], output, new StringWriter());

        Assert.Equal(ExitCodes.Ok, exit);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("AT (UTC)             OPERATOR  CLIENT          ACTION  TARGET  OUTCOME   REASON", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-03-01 09:30:00  alice     -               pause   c1      accepted  refill\\nfilament", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2026-03-01 09:35:00  mallory   sdl-control-r2  abort   c1      refused   -", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("not permitted", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Json_ListsEveryField()
    {
        var ledger = await LedgerWithRequestsAsync();
        var output = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["audit", ledger, "--json"], output, new StringWriter());

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal(("alice", "pause", "accepted", "refill\nfilament"), (entries[0].GetProperty("operator").GetString(), entries[0].GetProperty("action").GetString(), entries[0].GetProperty("outcome").GetString(), entries[0].GetProperty("reason").GetString()));
        Assert.Equal(("sdl-control-r2", "refused", "r2", "lab"), (entries[1].GetProperty("clientId").GetString(), entries[1].GetProperty("outcome").GetString(), entries[1].GetProperty("requestId").GetString(), entries[1].GetProperty("site").GetString()));
        Assert.Equal(JsonValueKind.Null, entries[0].GetProperty("identity").ValueKind);
    }

    [Fact]
    public async Task Audit_NoRequestsYet_SaysSo()
    {
        var path = _dir.File("empty.db");
        await (await SqliteLedger.OpenAsync(path)).DisposeAsync();
        var output = new StringWriter();

        Assert.Equal(ExitCodes.Ok, await SdlCommandLine.RunAsync(["audit", path], output, new StringWriter()));
        Assert.Equal("No control requests." + Environment.NewLine, output.ToString());
    }

    [Fact]
    public async Task Audit_MissingLedger_IsBadInputWithOneErrorLine()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["audit", _dir.File("missing.db")], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error: ledger '", error.ToString(), StringComparison.Ordinal);
        Assert.False(StackTraces.In(error.ToString()));
    }

    private async Task<string> LedgerWithRequestsAsync()
    {
        var path = _dir.File("ledger.db");
        await using var ledger = await SqliteLedger.OpenAsync(path);
        await ledger.RecordControlRequestAsync(new ControlRequestRecord(T0, "lab", "r1", "alice", "pause", "c1", "refill\nfilament", ControlRequestOutcome.Accepted, "campaign c1 paused"));
        await ledger.RecordControlRequestAsync(new ControlRequestRecord(T0.AddMinutes(5), "lab", "r2", "mallory", "abort", "c1", null, ControlRequestOutcome.Refused, "not permitted") { ClientId = "sdl-control-r2" });
        return path;
    }
}
