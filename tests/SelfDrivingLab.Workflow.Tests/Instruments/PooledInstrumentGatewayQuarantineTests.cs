using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

public sealed class PooledInstrumentGatewayQuarantineTests
{
    private static readonly InstrumentId Printer1 = new("printer-1");
    private static readonly InstrumentId Printer2 = new("printer-2");

    [Fact]
    public async Task ExecuteAsync_ThirdFailureInARow_QuarantinesRecordsAndRaisesOnce()
    {
        await using var h = await GatewayHarness.StartAsync(3, "printer-1");
        h.Answers["printer-1"] = InstrumentEventKind.Failed;
        var raised = new List<QuarantinedInstrument>();
        h.Gateway.InstrumentQuarantined += raised.Add;

        await h.PrintAsync();
        await h.PrintAsync();
        Assert.Empty(h.Gateway.Quarantined);
        await h.PrintAsync();
        await h.Gateway.FlushStatusWritesAsync();

        var quarantined = Assert.Single(h.Gateway.Quarantined);
        Assert.Equal((GatewayHarness.Site, Printer1, h.Time.GetUtcNow()), (quarantined.Site, quarantined.Instrument, quarantined.Since));
        Assert.Contains("3 consecutive", quarantined.Reason, StringComparison.Ordinal);
        Assert.Contains("nozzle_jam", quarantined.Reason, StringComparison.Ordinal);
        Assert.Equal([quarantined], raised);
        var record = Assert.Single(h.Ledger.Records);
        Assert.Equal((InstrumentStatusKind.Quarantined, PooledInstrumentGateway.OrchestratorActor, Printer1), (record.Kind, record.Actor, record.Instrument));
    }

    [Fact]
    public async Task ExecuteAsync_TimeoutsCountAsFailures_QuarantineAfterTwo()
    {
        await using var h = await GatewayHarness.StartAsync(2, "printer-1");
        h.Answers["printer-1"] = null;

        Assert.Equal(StepCommandStatus.TimedOut, (await h.PrintAsync()).Status);
        Assert.Equal(StepCommandStatus.TimedOut, (await h.PrintAsync()).Status);

        Assert.Equal(Printer1, Assert.Single(h.Gateway.Quarantined).Instrument);
    }

    [Fact]
    public async Task ExecuteAsync_CompletionBetweenFailures_ResetsTheCount()
    {
        await using var h = await GatewayHarness.StartAsync(3, "printer-1");

        foreach (var answer in new InstrumentEventKind?[] { InstrumentEventKind.Failed, InstrumentEventKind.Failed, InstrumentEventKind.Completed, InstrumentEventKind.Failed, InstrumentEventKind.Failed, InstrumentEventKind.Rejected, InstrumentEventKind.Aborted })
        {
            h.Answers["printer-1"] = answer;
            await h.PrintAsync();
        }

        // Rejected and aborted commands ran nothing (or were told to stop): they neither count nor reset.
        Assert.Empty(h.Gateway.Quarantined);
        h.Answers["printer-1"] = InstrumentEventKind.Failed;
        await h.PrintAsync();
        Assert.Single(h.Gateway.Quarantined);
    }

    [Fact]
    public async Task AcquireAsync_OnlyInstrumentQuarantined_WaitsTheWaitLimitThenThrowsNamingIt()
    {
        await using var h = await GatewayHarness.StartAsync(1, "printer-1");
        h.Answers["printer-1"] = InstrumentEventKind.Failed;
        await h.PrintAsync();

        var waiting = h.Gateway.AcquireAsync("print").AsTask();
        h.Time.Advance(GatewayHarness.WaitTimeout - TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        h.Time.Advance(TimeSpan.FromSeconds(1));

        var ex = await Assert.ThrowsAsync<NoInstrumentAvailableException>(() => waiting.WaitAsync(GatewayHarness.Bound));
        Assert.Contains("quarantined: lab-a/printer-1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Gateway.Waiting);
    }

    [Fact]
    public async Task AcquireAsync_OneOfTwoQuarantined_LeasesTheOther()
    {
        await using var h = await GatewayHarness.StartAsync(1, "printer-1", "printer-2");
        h.Answers["printer-1"] = InstrumentEventKind.Failed;
        Assert.Equal(Printer1, (await h.PrintAsync()).Printer);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((Printer2, StepCommandStatus.Completed), await h.PrintAsync());
        }
    }

    [Fact]
    public async Task ReturnToService_WhileAStepWaits_HandsItTheInstrumentAndRecordsTheOperator()
    {
        await using var h = await GatewayHarness.StartAsync(1, "printer-1");
        h.Answers["printer-1"] = InstrumentEventKind.Failed;
        await h.PrintAsync();
        var waiting = h.Gateway.AcquireAsync("print").AsTask();
        h.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(waiting.IsCompleted);

        Assert.True(h.Gateway.ReturnToService(GatewayHarness.Site, Printer1, "alice"));
        using var lease = await waiting.WaitAsync(GatewayHarness.Bound);
        await h.Gateway.FlushStatusWritesAsync();

        Assert.Equal(Printer1, lease.Instrument);
        Assert.Empty(h.Gateway.Quarantined);
        Assert.False(h.Gateway.ReturnToService(GatewayHarness.Site, Printer1, "alice"));
        Assert.Equal(
            [(InstrumentStatusKind.Quarantined, PooledInstrumentGateway.OrchestratorActor), (InstrumentStatusKind.ReturnedToService, "alice")],
            h.Ledger.Records.Select(r => (r.Kind, r.Actor)));
    }

    [Fact]
    public async Task ReturnToService_NoOperatorName_Throws()
    {
        await using var h = await GatewayHarness.StartAsync(1, "printer-1");

        Assert.Throws<ArgumentException>(() => h.Gateway.ReturnToService(GatewayHarness.Site, Printer1, " "));
    }

    [Fact]
    public async Task RestoreInstrumentStatusAsync_LatestRecordPerInstrumentDecides()
    {
        await using var h = await GatewayHarness.StartAsync(3, "printer-1", "printer-2");
        var t0 = h.Time.GetUtcNow();
        await h.Ledger.RecordInstrumentStatusAsync(new(GatewayHarness.Site, Printer1, InstrumentStatusKind.Quarantined, t0, "orchestrator", "3 failures"));
        await h.Ledger.RecordInstrumentStatusAsync(new(GatewayHarness.Site, Printer2, InstrumentStatusKind.Quarantined, t0, "orchestrator", "3 failures"));
        await h.Ledger.RecordInstrumentStatusAsync(new(GatewayHarness.Site, Printer2, InstrumentStatusKind.ReturnedToService, t0.AddHours(1), "bob", "fixed"));

        Assert.Equal(1, await h.Gateway.RestoreInstrumentStatusAsync());

        Assert.Equal(new QuarantinedInstrument(GatewayHarness.Site, Printer1, t0, "3 failures"), Assert.Single(h.Gateway.Quarantined));
        Assert.Equal(Printer2, (await h.PrintAsync()).Printer);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Validate_ConsecutiveFailuresOutOfRange_ThrowsNamingIt(int failures)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new InstrumentQuarantineOptions { ConsecutiveFailures = failures }.Validate());

        Assert.Equal(nameof(InstrumentQuarantineOptions.ConsecutiveFailures), ex.ParamName);
    }
}
