using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SelfDrivingLab.Cli;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;
using static Microsoft.Playwright.Assertions;

namespace SelfDrivingLab.Dashboard.Tests.Browser;

/// <summary><c>sdl dashboard</c> over a finished ledger, in headless chromium: the campaign, its plots, the experiments filter, a timeline.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed partial class FinishedLedgerBrowserTests(FinishedCampaign campaign) : IClassFixture<FinishedCampaign>, IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _stop = new();
    private readonly LineSignal _output = new("Dashboard of");
    private readonly StringWriter _error = new();
    private Task<int> _command = Task.FromResult(-1);
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var port = LoopbackPorts.Free();
        _command = SdlCommandLine.RunAsync(
            ["dashboard", "--ledger", campaign.LedgerPath, "--port", port.ToString(CultureInfo.InvariantCulture)], _output, _error, _stop.Token);
        var started = await Task.WhenAny(_output.Seen, _command).WaitAsync(Bound);
        Assert.True(started == _output.Seen, $"sdl dashboard ended: {_error}");
        _address = new Uri(AddressPattern().Match(await _output.Seen).Value);
        Assert.Equal(port, _address.Port);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await _command.WaitAsync(Bound));
    }

    public void Dispose()
    {
        _stop.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [RequiresPathFact(ChromiumSession.ExecutablePath)]
    public async Task Campaigns_FinishedLedger_ShowCampaignExperimentCountBestAndConvergencePlot()
    {
        await using var chromium = await ChromiumSession.StartAsync();
        var page = chromium.Page;

        await page.GotoAsync(_address.ToString());

        var card = page.Locator($"[data-campaign='{campaign.Summary.CampaignId.Value}']");
        await Expect(card.Locator("h2")).ToContainTextAsync(campaign.Summary.Name);
        await Expect(card.GetByTestId("campaign-status")).ToHaveTextAsync("completed");
        await Expect(card.GetByTestId("experiment-count")).ToHaveTextAsync(FinishedCampaign.Budget.ToString(CultureInfo.InvariantCulture));
        var completed = campaign.Experiments.Where(e => e.Status == ExperimentStatus.Completed).ToList();
        await Expect(card.Locator("svg.convergence circle.point")).ToHaveCountAsync(completed.Count);
        await Expect(card.Locator("svg.convergence path.best-line")).ToHaveCountAsync(1);
        var best = completed.Max(e => e.Objective!.Value);
        await Expect(card.GetByTestId("best-value")).ToHaveTextAsync(FourSignificantDigits(best));
        foreach (var parameter in new[] { "n", "theta", "r", "t" })
        {
            await Expect(card.GetByTestId($"parameter-plot-{parameter}").Locator("circle.point")).ToHaveCountAsync(completed.Count);
        }

        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live");
        await chromium.ScreenshotAsync("campaigns");
    }

    [RequiresPathFact(ChromiumSession.ExecutablePath)]
    public async Task Experiments_FilterThenOpenOne_ShowsMatchingRowsAndItsTimeline()
    {
        await using var chromium = await ChromiumSession.StartAsync();
        var page = chromium.Page;
        await page.GotoAsync(_address + "#/experiments");
        var rows = page.Locator("#experiments-body tr");
        await Expect(rows).ToHaveCountAsync(FinishedCampaign.Budget);

        await page.SelectOptionAsync("#status-filter", "completed");
        await Expect(rows).ToHaveCountAsync(campaign.Experiments.Count(e => e.Status == ExperimentStatus.Completed));
        await page.SelectOptionAsync("#status-filter", string.Empty);
        await page.FillAsync("#experiment-filter", "e4 completed");
        var fourth = campaign.Experiments.Single(e => e.Sequence == 4);
        await Expect(rows).ToHaveCountAsync(fourth.Status == ExperimentStatus.Completed ? 1 : 0);
        await page.FillAsync("#experiment-filter", "e4");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-experiment", fourth.Id.Value);
        await Expect(page.Locator("#experiment-count-line")).ToHaveTextAsync($"Showing 1 of {FinishedCampaign.Budget} experiments");
        await chromium.ScreenshotAsync("experiments-filtered");

        await rows.First.GetByRole(AriaRole.Link, new() { Name = "e4" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(Uri.EscapeDataString(fourth.Id.Value)) + "$"));
        await Expect(page.GetByTestId("timeline-title")).ToContainTextAsync("Experiment e4");
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(campaign.LedgerPath);
        var commands = await ledger.GetCommandsAsync(fourth.Id);
        var events = 0;
        foreach (var command in commands)
        {
            events += (await ledger.GetEventsAsync(command.Id)).Count;
        }

        await Expect(page.Locator("#timeline tr.entry-command")).ToHaveCountAsync(commands.Count);
        await Expect(page.Locator("#timeline tr.entry-event")).ToHaveCountAsync(events);
        await Expect(page.Locator("#timeline tr.entry-state")).ToHaveCountAsync((await ledger.GetTransitionsAsync(fourth.Id)).Count);
        await Expect(page.Locator("#timeline tr.entry-state").Last).ToContainTextAsync(fourth.State);
        await chromium.ScreenshotAsync("experiment-timeline");
    }

    [RequiresPathFact(ChromiumSession.ExecutablePath)]
    public async Task Instruments_FinishedLedger_ListEveryCommandedInstrumentIdle()
    {
        await using var chromium = await ChromiumSession.StartAsync();
        var page = chromium.Page;
        await page.GotoAsync(_address + "#/instruments");

        await Expect(page.Locator("#instruments-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-instrument='printer-1']")).ToContainTextAsync("idle");
        await Expect(page.Locator("[data-instrument='tester-1']")).ToContainTextAsync("no status recorded");
        await chromium.ScreenshotAsync("instruments");
    }

    [Fact]
    public async Task Healthz_ReadableLedger_Answers200()
    {
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(_address, "/healthz")).WaitAsync(Bound);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>What the page shows for <paramref name="value"/> (format.js: four significant digits, trailing zeros dropped).</summary>
    private static string FourSignificantDigits(double value) =>
        double.Parse(value.ToString("G4", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex AddressPattern();
}
