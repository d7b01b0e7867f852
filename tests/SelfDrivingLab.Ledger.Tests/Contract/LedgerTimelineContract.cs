using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>The latest recorded instant, from which a resumed simulated campaign's clock continues (issue 9 item 6).</summary>
public abstract class LedgerTimelineContract(ILedgerTestStore store) : LedgerContract(store)
{
    [Fact]
    public async Task GetLatestRecordedTimeAsync_EmptyLedger_ReturnsNull()
    {
        await using var ledger = await OpenAsync();

        Assert.Null(await ledger.GetLatestRecordedTimeAsync());
    }

    [Fact]
    public async Task GetLatestRecordedTimeAsync_RecordsOfEveryKind_ReturnsTheLatestInstantIgnoringDeadlines()
    {
        await using var ledger = await OpenAsync();
        await ledger.CreateCampaignAsync(Campaign());
        await ledger.AddExperimentAsync(Experiment("e1", 1));
        await ledger.RecordCommandAsync(Command("e1-s1", "e1")); // sent at T0+10 min, deadline T0+130 min
        Assert.Equal(T0.AddMinutes(10), await ledger.GetLatestRecordedTimeAsync());

        await ledger.RecordEventAsync(new InstrumentEventRecord(new CommandId("e1-s1"), new InstrumentId("printer-1"), "accepted", T0.AddMinutes(11), "{}"));
        Assert.Equal(T0.AddMinutes(11), await ledger.GetLatestRecordedTimeAsync());

        await ledger.RecordTransitionAsync(new StateTransitionRecord(new ExperimentId("e1"), "Proposed", "synthesis", "start", T0.AddMinutes(12)), ExperimentStatus.Running);
        Assert.Equal(T0.AddMinutes(12), await ledger.GetLatestRecordedTimeAsync());

        // A status change written with another offset: compared as an instant, not as text.
        await ledger.SetCampaignStatusAsync(new CampaignId("c1"), CampaignStatus.Aborted, T0.AddMinutes(13).ToOffset(TimeSpan.FromHours(-5)));
        Assert.Equal(T0.AddMinutes(13), await ledger.GetLatestRecordedTimeAsync());

        await ledger.RecordInstrumentStatusAsync(new InstrumentStatusRecord(new SiteId("lab"), new InstrumentId("printer-1"), InstrumentStatusKind.Quarantined, T0.AddMinutes(14), "sdl", "3 failures"));
        Assert.Equal(T0.AddMinutes(14), await ledger.GetLatestRecordedTimeAsync());
    }
}
