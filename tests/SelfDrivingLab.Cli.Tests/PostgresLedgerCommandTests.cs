using Npgsql;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>--ledger postgres://…</c> for <c>sdl run</c>, and a postgres:// ledger for <c>status</c>, <c>export</c> and <c>audit</c>.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class PostgresLedgerCommandTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>, IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunThenStatusExportAudit_PostgresUri_CampaignStoredThereAndReadBack()
    {
        var uri = Uri("cli", withPassword: true);
        var run = new StringWriter();
        var runError = new StringWriter();
        var campaign = _dir.File("small.yaml");
        Directory.CreateDirectory(_dir.File("data"));
        File.Copy(RepositoryPaths.Workflow("data/crossed_barrel.csv"), _dir.File("data/crossed_barrel.csv"));
        await File.WriteAllTextAsync(campaign, (await File.ReadAllTextAsync(RepositoryPaths.Workflow("quickstart.yaml")))
            .Replace("budget: 48", "budget: 3", StringComparison.Ordinal)
            .Replace("count: 10", "count: 2", StringComparison.Ordinal));

        var exit = await SdlCommandLine.RunAsync(["run", campaign, "--ledger", uri, "--quiet"], run, runError);

        Assert.True(exit == 0, runError.ToString());

        // The read commands take the URI without its password, which comes from the environment.
        var reading = Uri("cli", withPassword: false);
        Environment.SetEnvironmentVariable("Ledger__Password", new NpgsqlConnectionStringBuilder(database.ConnectionString).Password);
        try
        {
            var status = new StringWriter();
            var statusError = new StringWriter();
            Assert.True(await SdlCommandLine.RunAsync(["status", reading], status, statusError) == 0, statusError.ToString());
            Assert.Contains("completed  3/3 proposed", status.ToString(), StringComparison.Ordinal);

            var exportError = new StringWriter();
            Assert.True(await SdlCommandLine.RunAsync(["export", reading, "--csv", _dir.File("results.csv")], new StringWriter(), exportError) == 0, exportError.ToString());
            Assert.Equal(4, (await File.ReadAllLinesAsync(_dir.File("results.csv"))).Length);

            var audit = new StringWriter();
            Assert.Equal(0, await SdlCommandLine.RunAsync(["audit", reading], audit, new StringWriter()));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Ledger__Password", null);
        }
    }

    [Fact]
    public async Task Run_PostgresUri_ServesTheDashboardOfThatLedger()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", RepositoryPaths.Workflow("quickstart.yaml"), "--ledger", Uri("dash", withPassword: true)], output, error)
            .WaitAsync(TimeSpan.FromMinutes(5));

        // Once the host said no dashboard on a PostgreSQL ledger; now it serves it (read-only, through the store abstraction).
        Assert.True(exit == 0, error.ToString());
        Assert.Single(output.ToString().Split('\n'), l => l.StartsWith("Dashboard at http://127.0.0.1:", StringComparison.Ordinal));
        Assert.DoesNotContain("No dashboard", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("status")]
    [InlineData("export")]
    public async Task Commands_BadOrUnreachablePostgresLedger_OneLineErrorWithoutThePassword(string command)
    {
        var unreachable = $"postgres://sdl:hunter2@127.0.0.1:{LoopbackPorts.Free()}/lab";
        string[] args = command switch
        {
            "run" => ["run", RepositoryPaths.Workflow("quickstart.yaml"), "--ledger", unreachable + "?colour=blue"],
            "status" => ["status", unreachable],
            _ => ["export", unreachable, "--csv", _dir.File("x.csv")],
        };
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(args, new StringWriter(), error);

        Assert.Equal(2, exit);
        var text = error.ToString().TrimEnd();
        Assert.StartsWith("error: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.Contains(command == "run" ? "unknown parameter 'colour'" : "cannot reach the server", text, StringComparison.Ordinal);
    }

    private string Uri(string schema, bool withPassword)
    {
        var b = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var password = withPassword ? ":" + System.Uri.EscapeDataString(b.Password!) : string.Empty;
        return $"postgres://{b.Username}{password}@{b.Host}:{b.Port}/{b.Database}?schema={schema}";
    }
}
