using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Cli.Commands.HostedDashboard;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Transport.Mqtt.Security;
using static Microsoft.Playwright.Assertions;

namespace SelfDrivingLab.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard <c>sdl run</c> serves, on a real campaign host whose every proposal needs an operator's approval: an
/// operator signs in with the facility identity's password, pauses, resumes and approves on the page, and the campaign
/// proceeds; an observer sees the same page but has no action and is refused one; Prometheus gets the sdl metrics.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public sealed partial class HostedDashboardBrowserTests : IDisposable
{
    private const string OperatorName = "olga";
    private const string ObserverName = "oscar";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresPathFact(ChromiumSession.ExecutablePath)]
    public async Task Page_OperatorPausesResumesAndApproves_CampaignProceeds_ObserverCannotAct()
    {
        var settings = HeldCampaign(budget: 2);
        var output = new LineSignal("Dashboard at ");
        using var stop = new CancellationTokenSource(Bound);
        var run = CampaignHost.RunAllAsync(settings, observer: null, services => services.AddHostedDashboard(settings, 0, output, quiet: false), stop.Token);
        var address = new Uri(AddressPattern().Match(await output.Seen.WaitAsync(Bound)).Value);
        var passwords = BrokerCredentials.Read(HostedDashboardService.PasswordFileFor(settings.LedgerPath));
        await using var chromium = await ChromiumSession.StartAsync();
        var page = chromium.Page;

        await page.GotoAsync(address.ToString());
        await SignInAsync(page, OperatorName, passwords.PasswordOf(OperatorName)!);
        await Expect(page.GetByTestId("session-identity")).ToHaveTextAsync($"{OperatorName} (operator)");
        var card = page.Locator("section.campaign");
        await Expect(card.GetByTestId("awaiting-approval")).ToContainTextAsync("1 proposal waiting for an operator's approval");

        await page.FillAsync("#action-reason", "coffee");
        await card.Locator("button[data-action='pause']").ClickAsync();
        await Expect(card.GetByTestId("paused")).ToContainTextAsync($"by {OperatorName}: coffee");
        await Expect(page.GetByTestId("action-result")).ToHaveAttributeAsync("data-ok", "true");
        await chromium.ScreenshotAsync("hosted-operator-paused");
        await card.Locator("button[data-action='resume']").ClickAsync();
        await Expect(card.GetByTestId("paused")).ToHaveCountAsync(0);

        await page.FillAsync("#action-reason", "checked on the page");
        await card.Locator("button[data-action='approve']").First.ClickAsync();
        try
        {
            await Expect(card).ToContainTextAsync("1 completed");
        }
        catch (PlaywrightException ex)
        {
            // Say why the approved experiment did not complete (the page shows only that it failed).
            await using var reader = await SqliteLedger.OpenReadOnlyAsync(settings.LedgerPath);
            var experiments = await reader.GetExperimentsAsync((await reader.ListCampaignsAsync()).Single().Id);
            throw new InvalidOperationException(string.Join("; ", experiments.Select(e => $"{e.Id}: {e.Status} {e.FailureReason}")), ex);
        }
        await Expect(card.GetByTestId("awaiting-approval")).ToContainTextAsync("1 proposal waiting");

        var observer = await chromium.NewSeparatePageAsync();
        await observer.GotoAsync(address.ToString());
        await SignInAsync(observer, ObserverName, passwords.PasswordOf(ObserverName)!);
        await Expect(observer.GetByTestId("session-identity")).ToHaveTextAsync($"{ObserverName} (observer: view only)");
        await Expect(observer.Locator("section.campaign").GetByTestId("awaiting-approval")).ToContainTextAsync("1 proposal waiting");
        await Expect(observer.Locator("button[data-action]")).ToHaveCountAsync(0);
        var held = await card.Locator("button[data-action='approve']").First.GetAttributeAsync("data-target");
        var refused = await observer.EvaluateAsync<int>(
            "async target => (await fetch('/api/actions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'approve', target }) })).status",
            held);
        Assert.Equal(403, refused);
        await ChromiumSession.ScreenshotAsync(observer, "hosted-observer");

        using var http = new HttpClient { BaseAddress = address, Timeout = Bound };
        var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
        using var health = await http.GetAsync(new Uri("healthz", UriKind.Relative));
        Assert.Contains("sdl_experiments_finished_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("status=\"completed\"", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        await chromium.ScreenshotAsync("hosted-operator-approve");
        await card.Locator("button[data-action='approve']").First.ClickAsync();
        var summary = Assert.Single(await run.WaitAsync(Bound));

        Assert.Equal(CampaignStatus.Completed, summary.Status);
        Assert.Equal(2, summary.Completed);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(settings.LedgerPath);
        var requests = await ledger.GetControlRequestsAsync();
        Assert.Equal(["approve", "approve", "pause", "resume"], requests.Select(r => r.Action).Order(StringComparer.Ordinal));
        Assert.All(requests, r =>
        {
            Assert.Equal(OperatorName, r.Identity);
            Assert.Equal("dashboard", r.ClientId);
            Assert.Equal(ControlRequestOutcome.Accepted, r.Outcome);
        });
        Assert.Contains(requests, r => r is { Action: "approve", Reason: "checked on the page" });
        Assert.False(File.Exists(HostedDashboardService.PasswordFileFor(settings.LedgerPath)), "the password file outlived the run");
    }

    private static async Task SignInAsync(IPage page, string identity, string password)
    {
        await page.FillAsync("#login-identity", identity);
        await page.FillAsync("#login-secret", password);
        await page.ClickAsync("#login-submit");
    }

    /// <summary>The quickstart, one experiment at a time, every proposal held for an operator; an operator and an observer may sign in.</summary>
    private CampaignHostSettings HeldCampaign(int budget)
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with
        {
            Budget = budget,
            Parallel = 1,
            Approval = new ApprovalPolicy([]),
        };
        var facility = FacilityDefinition.Single(definition) with
        {
            Access = new FacilityAccess(
            [
                new BrokerIdentity(FacilityAccess.DefaultOrchestrator, BrokerRole.Orchestrator),
                new BrokerIdentity(OperatorName, BrokerRole.Operator),
                new BrokerIdentity(ObserverName, BrokerRole.Observer),
            ]),
        };
        return new CampaignHostSettings(facility) { LedgerPath = _dir.File("ledger.db") };
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex AddressPattern();
}
