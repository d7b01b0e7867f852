using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Ledger;
using static Microsoft.Playwright.Assertions;

namespace SelfDrivingLab.Dashboard.Tests.Browser;

/// <summary>
/// The page follows the ledger without a reload: the test writes experiments through the ledger API while the page is
/// open, advances the dashboard's fake clock by one poll, and waits on the page's DOM.
/// </summary>
public sealed class LiveViewBrowserTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CampaignId Campaign = new("live-20260301-090000");
    private readonly TemporaryDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(T0);
    private SqliteLedger _ledger = null!;

    public async Task InitializeAsync()
    {
        _ledger = await SqliteLedger.OpenAsync(_dir.File("ledger.db"));
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        await _ledger.CreateCampaignAsync(
            new CampaignRecord(Campaign, "live", "name: live\n", 7, 10, CampaignStatus.Running, T0, T0) { Identity = CampaignIdentity.Of(quickstart).ToJson() });
        await AddCompletedAsync(1, 2.0);
    }

    public async Task DisposeAsync() => await _ledger.DisposeAsync();

    public void Dispose() => _dir.Dispose();

    [RequiresPathFact(ChromiumSession.ExecutablePath)]
    public async Task Page_ExperimentsStoredWhileOpen_AppearWithoutReload()
    {
        await using var server = await DashboardServer.StartAsync(new() { LedgerPath = _dir.File("ledger.db"), Port = LoopbackPorts.Free() }, _time);
        await using var chromium = await ChromiumSession.StartAsync();
        var page = chromium.Page;
        await page.GotoAsync(server.Address.ToString());
        var card = page.Locator($"[data-campaign='{Campaign.Value}']");
        await Expect(card.GetByTestId("experiment-count")).ToHaveTextAsync("1");
        await Expect(card.GetByTestId("best-value")).ToHaveTextAsync("2");
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");

        var running = await AddRunningAsync(2);
        _time.Advance(DashboardOptions.DefaultPollInterval);

        await Expect(card.GetByTestId("experiment-count")).ToHaveTextAsync("2");
        await Expect(card).ToContainTextAsync("1 in progress");
        await page.GotoAsync(server.Address + "#/instruments");
        await Expect(page.Locator("[data-instrument='printer-1']")).ToContainTextAsync("printing: print (sent");
        await page.GotoAsync(server.Address + "#/campaigns");

        await CompleteAsync(running, 5.25);
        await AddCompletedAsync(3, 3.0);
        _time.Advance(DashboardOptions.DefaultPollInterval);

        await Expect(card.GetByTestId("experiment-count")).ToHaveTextAsync("3");
        await Expect(card.Locator("svg.convergence circle.point")).ToHaveCountAsync(3);
        await Expect(card.GetByTestId("best-value")).ToHaveTextAsync("5.25");
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded");
        await chromium.ScreenshotAsync("live-update");
    }

    private async Task<ExperimentId> AddRunningAsync(int sequence)
    {
        var id = new ExperimentId(DerivedIds.Experiment(Campaign.Value, sequence));
        var at = T0.AddHours(sequence);
        await _ledger.AddExperimentAsync(new ExperimentRecord(
            id, Campaign, sequence, new ParameterSet([new("n", 6.0 + sequence), new("theta", 10.0 * sequence)]), ExperimentStatus.Proposed, "Proposed", "{}", at, at));
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(id, "Proposed", "printing", "Start", at), ExperimentStatus.Running);
        await _ledger.RecordCommandAsync(new CommandRecord(
            new CommandId(DerivedIds.Step(id.Value, 0)), id, new InstrumentId("printer-1"), "printing", "print", ParameterSet.Empty, at, at.AddHours(3)));
        return id;
    }

    private async Task CompleteAsync(ExperimentId id, double toughness)
    {
        var experiment = await _ledger.FindExperimentAsync(id) ?? throw new InvalidOperationException($"no {id}");
        var at = experiment.UpdatedAt.AddHours(1);
        var command = new CommandId(DerivedIds.Step(id.Value, 0));
        await _ledger.RecordEventAsync(new InstrumentEventRecord(command, new InstrumentId("printer-1"), "completed", at, "{}"));
        await _ledger.RecordResultAsync(
            id, new ExperimentResult([new StepOutputs("printing", new ParameterSet([new("toughness", toughness)]))], [new ObjectiveValue("toughness", toughness)]), at);
        await _ledger.RecordTransitionAsync(new StateTransitionRecord(id, experiment.State, "Completed", "Measured", at), ExperimentStatus.Completed);
    }

    private async Task AddCompletedAsync(int sequence, double toughness) =>
        await CompleteAsync(await AddRunningAsync(sequence), toughness);
}
