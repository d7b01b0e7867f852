using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

/// <summary>A command that breaks the leased instrument's announced limits is never sent.</summary>
public sealed class PooledInstrumentGatewayLimitsTests
{
    private static readonly ParameterLimit ThetaTo150 = new("theta", 0, 150);
    private static readonly ParameterLimit ThetaTo200 = new("theta", 0, 200);

    [Fact]
    public async Task AcquireAsync_OnlyPrinterAnnouncesThetaMax150_Theta189RefusedNamingTheLimit()
    {
        await using var h = await GatewayHarness.StartAsync(3);
        await h.AddPrinterAsync(new InstrumentId("printer-1"), ThetaTo150);

        var ex = await Assert.ThrowsAsync<InstrumentLimitsException>(async () => await h.Gateway.AcquireAsync(Print(189)).AsTask().WaitAsync(GatewayHarness.Bound));

        Assert.Equal("not sent: no online instrument offering 'print' accepts the parameters (printer-1: parameter 'theta' = 189 is outside [0, 150])", ex.Message);
        Assert.Equal(0, h.Gateway.Waiting);
        using var fits = await h.Gateway.AcquireAsync(Print(150)).AsTask().WaitAsync(GatewayHarness.Bound);
        Assert.Equal("printer-1", fits.Instrument.Value);
    }

    [Fact]
    public async Task AcquireAsync_TwoPrinters_LeasesOneWhoseLimitsFit()
    {
        await using var h = await GatewayHarness.StartAsync(3);
        await h.AddPrinterAsync(new InstrumentId("printer-1"), ThetaTo150);
        await h.AddPrinterAsync(new InstrumentId("printer-2"), ThetaTo200);

        using var wide = await h.Gateway.AcquireAsync(Print(189)).AsTask().WaitAsync(GatewayHarness.Bound);
        using var narrow = await h.Gateway.AcquireAsync(Print(100)).AsTask().WaitAsync(GatewayHarness.Bound);

        Assert.Equal(("printer-2", "printer-1"), (wide.Instrument.Value, narrow.Instrument.Value));
    }

    [Fact]
    public async Task AcquireAsync_FittingPrinterBusy_WaitsForItInsteadOfUsingTheFreeOneThatRefuses()
    {
        await using var h = await GatewayHarness.StartAsync(3);
        await h.AddPrinterAsync(new InstrumentId("printer-1"), ThetaTo150);
        await h.AddPrinterAsync(new InstrumentId("printer-2"), ThetaTo200);
        var busy = await h.Gateway.AcquireAsync(Print(189)).AsTask().WaitAsync(GatewayHarness.Bound);

        var waiting = h.Gateway.AcquireAsync(Print(180)).AsTask();
        Assert.False(waiting.IsCompleted);
        busy.Dispose();

        using var lease = await waiting.WaitAsync(GatewayHarness.Bound);
        Assert.Equal("printer-2", lease.Instrument.Value);
    }

    [Fact]
    public async Task RunAsync_ParametersOutsideEveryPrintersLimits_ExperimentFailsWithTheReasonAndNothingIsSent()
    {
        await using var h = await GatewayHarness.StartAsync(3);
        await h.AddPrinterAsync(new InstrumentId("printer-1"), ThetaTo150);
        var ledger = new InMemoryLedger();
        var printing = new WorkflowStepDefinition("printing", "print", new Dictionary<string, ParameterBinding> { ["theta"] = new ExperimentParameterBinding("x") }, TimeSpan.FromHours(3));
        var campaign = TestCampaigns.TwoSteps() with { Steps = [printing] };
        var now = h.Time.GetUtcNow();
        await ledger.CreateCampaignAsync(new CampaignRecord(new CampaignId("c1"), "c1", "yaml", 1, 5, CampaignStatus.Running, now, now));
        var experiment = new ExperimentRecord(new ExperimentId("c1-e0001"), new CampaignId("c1"), 1, new ParameterSet([new("x", 189.0)]), ExperimentStatus.Proposed, ExperimentStates.Proposed, "{}", now, now);
        await ledger.AddExperimentAsync(experiment);

        var outcome = await new ExperimentRunner(ledger, h.Gateway, h.Time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance)
            .RunAsync(experiment, campaign).WaitAsync(GatewayHarness.Bound);

        const string Reason = "step 'printing' rejected: limit_violation - not sent: no online instrument offering 'print' accepts the parameters (printer-1: parameter 'theta' = 189 is outside [0, 150])";
        Assert.Equal((ExperimentStatus.Failed, Reason), (outcome.Status, outcome.FailureReason));
        Assert.Empty(h.Received);
        Assert.Empty(await ledger.GetCommandsAsync(experiment.Id));
        Assert.Equal(Reason, (await ledger.GetExperimentsAsync(new CampaignId("c1"))).Single().FailureReason);
    }

    private static InstrumentRequest Print(double theta) => new("print", new ParameterSet([new("theta", theta)]));
}
