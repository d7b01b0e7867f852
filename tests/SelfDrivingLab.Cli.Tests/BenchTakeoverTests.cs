using Npgsql;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl bench takeover</c>: owner and standby <c>sdl run</c> processes on a PostgreSQL ledger, the owner SIGKILLed.</summary>
public sealed class BenchTakeoverTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    [Fact]
    public async Task BenchTakeover_OneKill_ReportsTheStandbysTakeoverAfterTheLeaseExpired()
    {
        var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var uri = $"postgres://{b.Username}:{Uri.EscapeDataString(b.Password!)}@{b.Host}:{b.Port}/{b.Database}";
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await SdlCommandLine.RunAsync(["bench", "takeover", "--ledger", uri, "--runs", "1", "--lease-duration", "2s"], output, error).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(exit == 0, $"exit {exit}: {error}{output}");
        var text = output.ToString();
        Assert.Contains("Took campaign 'takeover-bench' over from", text, StringComparison.Ordinal);
        var seconds = double.Parse(
            text.Split("the standby's first command ")[1].Split(" s after SIGKILL")[0], System.Globalization.CultureInfo.InvariantCulture);
        // Not before the owner's lease expired: at least the lease duration after its last heartbeat, which came at most a
        // third of it before the kill.
        Assert.True(seconds >= 2.0 * 2 / 3, $"the standby took over {seconds} s after the kill, before a 2 s lease could expire");
    }

    [Fact]
    public async Task BenchTakeover_NoLedger_IsRefusedNamingWhatIsMissing()
    {
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["bench", "takeover"], new StringWriter(), error);

        Assert.Equal(2, exit);
        Assert.Contains("--ledger: give the postgres://", error.ToString(), StringComparison.Ordinal);
    }
}
