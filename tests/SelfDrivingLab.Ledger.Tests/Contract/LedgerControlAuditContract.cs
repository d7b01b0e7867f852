using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests.Contract;

/// <summary>The audit trail of control requests and a campaign's stored pause (schema 5).</summary>
public abstract class LedgerControlAuditContract(ILedgerTestStore store) : LedgerContract(store)
{
    [Fact]
    public async Task RecordControlRequestAsync_AcceptedAndRefused_ReadBackOldestFirstWithEveryField()
    {
        var refused = new ControlRequestRecord(T0.AddMinutes(5), "lab", "r2", "mallory", "abort", "c1", "because", ControlRequestOutcome.Refused, "not permitted")
        {
            ClientId = "sdl-control-r2",
            Identity = "mallory@lab",
        };
        var accepted = new ControlRequestRecord(T0, "lab", "r1", "alice", "pause", "c1", null, ControlRequestOutcome.Accepted, "campaign c1 paused");
        await using (var ledger = await OpenAsync())
        {
            await ledger.RecordControlRequestAsync(refused);
            await ledger.RecordControlRequestAsync(accepted);
        }

        await using var reopened = await OpenReadOnlyAsync();
        Assert.Equal([accepted, refused], await reopened.GetControlRequestsAsync());
    }

    [Fact]
    public async Task RecordControlRequestAsync_NoOperator_ThrowsAndStoresNothing()
    {
        await using var ledger = await OpenAsync();

        var ex = await Assert.ThrowsAsync<LedgerException>(async () =>
            await ledger.RecordControlRequestAsync(new ControlRequestRecord(T0, "lab", "r1", " ", "pause", null, null, ControlRequestOutcome.Accepted, "x")));

        Assert.Contains("names no operator", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await ledger.GetControlRequestsAsync());
    }

    [Fact]
    public async Task SetCampaignPauseAsync_PausedThenResumed_StoredThenCleared()
    {
        var pause = new CampaignPause(T0.AddHours(1), "alice", "refill filament");
        await using (var ledger = await OpenAsync())
        {
            await ledger.CreateCampaignAsync(Campaign());
            await ledger.SetCampaignPauseAsync(new CampaignId("c1"), pause);
        }

        await using (var reopened = await OpenAsync())
        {
            Assert.Equal(pause, (await reopened.FindCampaignAsync(new CampaignId("c1")))!.Pause);
            await reopened.SetCampaignPauseAsync(new CampaignId("c1"), null);
            Assert.Null((await reopened.FindCampaignAsync(new CampaignId("c1")))!.Pause);
            await Assert.ThrowsAsync<LedgerException>(async () => await reopened.SetCampaignPauseAsync(new CampaignId("nope"), pause));
        }
    }
}
