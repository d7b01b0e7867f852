using System.Net;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Cli;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Tests.Postgres;

namespace SelfDrivingLab.Dashboard.Tests;

/// <summary>
/// The dashboard over a PostgreSQL ledger (SDL_TEST_POSTGRES), read through the store abstraction as a SQLite file is:
/// the view, live changes, timelines and health, and <c>sdl dashboard --ledger postgres://…</c>.
/// </summary>
public sealed class DashboardPostgresTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StartAsync_PostgresLedger_ServesTheViewHealthTimelinesAndLiveChanges()
    {
        var location = database.Location("t_" + Guid.NewGuid().ToString("N"));
        await using var ledger = await TestLedger.CreateInAsync(await PostgresLedger.OpenAsync(location));
        var done = await ledger.AddCompletedAsync(1, 2.5);
        var time = new FakeTimeProvider(TestLedger.T0);
        var options = new DashboardOptions
        {
            LedgerPath = location.ToString(),
            OpenLedger = async ct => await PostgresLedger.OpenReadOnlyAsync(location, ct),
            Port = 0,
        };

        await using var server = await DashboardServer.StartAsync(options, time);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Bound };
        using var response = await http.GetAsync(new Uri("api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await NextDataAsync(stream);
        var running = await ledger.AddRunningAsync(2);
        time.Advance(DashboardOptions.DefaultPollInterval);
        var next = await NextDataAsync(stream);
        using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        var view = await http.GetStringAsync(new Uri("api/view", UriKind.Relative));
        var timeline = await http.GetStringAsync(new Uri($"api/experiments/{done.Value}/timeline", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(done.Value, first, StringComparison.Ordinal);
        Assert.DoesNotContain(running.Value, first, StringComparison.Ordinal);
        Assert.Contains(running.Value, next, StringComparison.Ordinal);
        Assert.Contains(running.Value, view, StringComparison.Ordinal);
        Assert.Contains(location.ToString(), view, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"command\"", timeline, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"event\"", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PostgresSchemaWithoutALedger_RefusesWithTheStoresError()
    {
        var location = database.Location("t_" + Guid.NewGuid().ToString("N"));
        var options = new DashboardOptions { LedgerPath = location.ToString(), OpenLedger = async ct => await PostgresLedger.OpenReadOnlyAsync(location, ct), Port = 0 };

        var refused = await Assert.ThrowsAsync<Core.Ledger.LedgerException>(() => DashboardServer.StartAsync(options));

        Assert.Contains(location.ToString(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_PostgresUriWithBadPort_IsAcceptedAsALedgerAndRefusesThePortInOneLine()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SdlCommandLine.RunAsync(["dashboard", "--ledger", "postgres://sdl@127.0.0.1:1/nothing", "--port", "65536"], output, error).WaitAsync(Bound);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("error: port 65536 is not between 0 and 65535", error.ToString().TrimEnd());
    }

    private static async Task<string> NextDataAsync(StreamReader stream)
    {
        while (await stream.ReadLineAsync().WaitAsync(Bound) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("the event stream ended");
    }
}
