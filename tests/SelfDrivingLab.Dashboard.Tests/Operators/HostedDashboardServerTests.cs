using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SelfDrivingLab.Dashboard.Operators;

namespace SelfDrivingLab.Dashboard.Tests.Operators;

/// <summary>The dashboard of a running host: sign-in, the operator's actions, health; and none of it on a read-only dashboard.</summary>
public sealed class HostedDashboardServerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Actions_NotSignedIn_RefusedWith401AndNothingDone()
    {
        var host = new FakeDashboardHost();
        await using var ledger = await TestLedger.CreateAsync();
        await using var server = await DashboardServer.StartHostedAsync(new() { LedgerPath = ledger.Path, Port = 0 }, host);
        using var http = Client(server);

        using var response = await http.PostAsJsonAsync("api/actions", new { action = "pause", target = "c1" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Actions);
    }

    [Fact]
    public async Task Actions_Observer_RefusedWith403AndNothingDone()
    {
        var host = new FakeDashboardHost();
        await using var ledger = await TestLedger.CreateAsync();
        await using var server = await DashboardServer.StartHostedAsync(new() { LedgerPath = ledger.Path, Port = 0 }, host);
        using var http = Client(server);
        using var signIn = await http.PostAsJsonAsync("api/session", new { identity = FakeDashboardHost.ObserverName, secret = FakeDashboardHost.Password });

        using var response = await http.PostAsJsonAsync("api/actions", new { action = "pause", target = "c1" });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("only an operator may act", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Actions);
    }

    [Fact]
    public async Task Actions_Operator_ReachTheHostAsTheSignedInIdentity()
    {
        var host = new FakeDashboardHost();
        await using var ledger = await TestLedger.CreateAsync();
        await using var server = await DashboardServer.StartHostedAsync(new() { LedgerPath = ledger.Path, Port = 0 }, host);
        using var http = Client(server);
        using var signIn = await http.PostAsJsonAsync("api/session", new { identity = FakeDashboardHost.OperatorName, secret = FakeDashboardHost.Password });

        using var approve = await http.PostAsJsonAsync("api/actions", new { action = "approve", target = "c1-e0004", reason = " checked " });
        using var refused = await http.PostAsJsonAsync("api/actions", new { action = "abort", target = "unknown" });
        using var unknown = await http.PostAsJsonAsync("api/actions", new { action = "explode", target = "c1" });
        using var returned = await http.PostAsJsonAsync("api/actions", new { action = "returntoservice", target = "printer-1" });
        using var admitted = await http.PostAsJsonAsync("api/actions", new { action = "admit", target = "printer-evil" });
        var session = await http.GetFromJsonAsync<JsonElement>("api/session");

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("no campaign 'unknown'", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(
            [
                (DashboardAction.Approve, FakeDashboardHost.OperatorName, "c1-e0004", "checked"),
                (DashboardAction.Abort, FakeDashboardHost.OperatorName, "unknown", null),
                (DashboardAction.ReturnToService, FakeDashboardHost.OperatorName, "printer-1", null),
                (DashboardAction.Admit, FakeDashboardHost.OperatorName, "printer-evil", null),
            ],
            host.Actions.ToArray());
        Assert.Equal("operator", session.GetProperty("role").GetString());
        Assert.True(session.GetProperty("hosted").GetBoolean());
    }

    [Fact]
    public async Task SignIn_WrongPassword_401AndNoSession()
    {
        var host = new FakeDashboardHost();
        await using var ledger = await TestLedger.CreateAsync();
        await using var server = await DashboardServer.StartHostedAsync(new() { LedgerPath = ledger.Path, Port = 0 }, host);
        using var http = Client(server);

        using var signIn = await http.PostAsJsonAsync("api/session", new { identity = FakeDashboardHost.OperatorName, secret = "guess" });
        using var response = await http.PostAsJsonAsync("api/actions", new { action = "pause", target = "c1" });

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Actions);
    }

    [Fact]
    public async Task ReadOnlyDashboard_HasNoSignInAndNoActions()
    {
        await using var ledger = await TestLedger.CreateAsync();
        await using var server = await DashboardServer.StartAsync(new() { LedgerPath = ledger.Path, Port = 0 });
        using var http = Client(server);

        using var signIn = await http.PostAsJsonAsync("api/session", new { identity = FakeDashboardHost.OperatorName, secret = FakeDashboardHost.Password });
        using var action = await http.PostAsJsonAsync("api/actions", new { action = "pause", target = "c1" });
        var session = await http.GetFromJsonAsync<JsonElement>("api/session");

        Assert.NotEqual(HttpStatusCode.OK, signIn.StatusCode);
        Assert.True(action.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"actions answered {action.StatusCode}");
        Assert.False(session.GetProperty("hosted").GetBoolean());
    }

    [Fact]
    public async Task Healthz_HostHealthy_200()
    {
        var host = new FakeDashboardHost();
        await using var ledger = await TestLedger.CreateAsync();
        await using var server = await DashboardServer.StartHostedAsync(new() { LedgerPath = ledger.Path, Port = 0 }, host);
        using var http = Client(server);

        using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_HostUnhealthy_503WithTheReasonInJson()
    {
        var host = new FakeDashboardHost { Problems = ["the orchestrator is not connected to the broker"] };
        await using var ledger = await TestLedger.CreateAsync();
        await using var server = await DashboardServer.StartHostedAsync(new() { LedgerPath = ledger.Path, Port = 0 }, host);
        using var http = Client(server);

        using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.Equal("the orchestrator is not connected to the broker", body.GetProperty("reason").GetString());
    }

    private static HttpClient Client(DashboardServer server) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = server.Address, Timeout = Bound };
}
