using Microsoft.Extensions.Time.Testing;
using static Microsoft.Playwright.Assertions;

namespace SelfDrivingLab.Dashboard.Tests.Browser;

/// <summary>
/// The page follows the ledger without a reload: the test writes experiments through the ledger API while the page is
/// open, advances the dashboard's fake clock by one poll, and waits on the page's DOM.
/// </summary>
public sealed class LiveViewBrowserTests
{
    [RequiresPathFact(ChromiumSession.ExecutablePath)]
    public async Task Page_ExperimentsStoredWhileOpen_AppearWithoutReload()
    {
        await using var ledger = await TestLedger.CreateAsync();
        await ledger.AddCompletedAsync(1, 2.0);
        var time = new FakeTimeProvider(TestLedger.T0);
        await using var server = await DashboardServer.StartAsync(new() { LedgerPath = ledger.Path, Port = LoopbackPorts.Free() }, time);
        await using var chromium = await ChromiumSession.StartAsync();
        var page = chromium.Page;
        await page.GotoAsync(server.Address.ToString());
        var card = page.Locator($"[data-campaign='{TestLedger.Campaign.Value}']");
        await Expect(card.GetByTestId("experiment-count")).ToHaveTextAsync("1");
        await Expect(card.GetByTestId("best-value")).ToHaveTextAsync("2");
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");

        var running = await ledger.AddRunningAsync(2);
        time.Advance(DashboardOptions.DefaultPollInterval);

        await Expect(card.GetByTestId("experiment-count")).ToHaveTextAsync("2");
        await Expect(card).ToContainTextAsync("1 in progress");
        await page.GotoAsync(server.Address + "#/instruments");
        await Expect(page.Locator("[data-instrument='printer-1']")).ToContainTextAsync("printing: print (sent");
        await page.GotoAsync(server.Address + "#/campaigns");

        await ledger.CompleteAsync(running, 5.25);
        await ledger.AddCompletedAsync(3, 3.0);
        time.Advance(DashboardOptions.DefaultPollInterval);

        await Expect(card.GetByTestId("experiment-count")).ToHaveTextAsync("3");
        await Expect(card.Locator("svg.convergence circle.point")).ToHaveCountAsync(3);
        await Expect(card.GetByTestId("best-value")).ToHaveTextAsync("5.25");
        await ledger.AddAwaitingApprovalAsync(4);
        time.Advance(DashboardOptions.DefaultPollInterval);

        await Expect(card.GetByTestId("awaiting-approval")).ToContainTextAsync("1 proposal waiting for an operator's approval");
        await Expect(card.GetByTestId("awaiting-approval")).ToContainTextAsync("e4");
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded");
        await chromium.ScreenshotAsync("live-update");
    }
}
