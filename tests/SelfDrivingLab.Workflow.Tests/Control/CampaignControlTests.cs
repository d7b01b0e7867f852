using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Workflow.Control;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Control;

public sealed class CampaignControlTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly CampaignId Id = new("c1");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CampaignControl _control;

    public CampaignControlTests() => _control = new CampaignControl(_time);

    [Fact]
    public async Task Pause_ThenResume_HoldsDispatchUntilResumed()
    {
        using var abort = new CancellationTokenSource();
        using var attached = _control.Attach(Id, TestCampaigns.TwoSteps(), abort);

        Assert.True(_control.Pause("test-campaign", "alice", "check the furnace").Succeeded);
        var dispatch = _control.WaitUntilDispatchAllowedAsync(Id).AsTask();

        Assert.False(dispatch.IsCompleted);
        Assert.Equal("paused", Assert.Single(_control.Campaigns).State);
        Assert.Equal("alice", _control.Campaigns[0].ChangedBy);
        Assert.True(_control.Resume("c1", "bob").Succeeded);
        await dispatch.WaitAsync(Bound);
        Assert.Equal("running", _control.Campaigns[0].State);
    }

    [Fact]
    public async Task WaitUntilDispatchAllowed_NotPaused_CompletesAtOnce()
    {
        using var abort = new CancellationTokenSource();
        using var attached = _control.Attach(Id, TestCampaigns.TwoSteps(), abort);

        Assert.True(_control.WaitUntilDispatchAllowedAsync(Id).AsTask().IsCompleted);
        Assert.True(_control.WaitUntilDispatchAllowedAsync(new CampaignId("other")).AsTask().IsCompleted);
        await _control.WaitUntilDispatchAllowedAsync(Id);
    }

    [Fact]
    public async Task Detach_WhilePaused_ReleasesWaiters()
    {
        using var abort = new CancellationTokenSource();
        var attached = _control.Attach(Id, TestCampaigns.TwoSteps(), abort);
        _control.Pause("c1", "alice");
        var dispatch = _control.WaitUntilDispatchAllowedAsync(Id).AsTask();

        attached.Dispose();

        await dispatch.WaitAsync(Bound);
        Assert.Empty(_control.Campaigns);
    }

    [Fact]
    public void Abort_CancelsTheCampaignsToken()
    {
        using var abort = new CancellationTokenSource();
        using var attached = _control.Attach(Id, TestCampaigns.TwoSteps(), abort);

        var result = _control.Abort("c1", "alice", "wrong precursor loaded");

        Assert.True(result.Succeeded);
        Assert.True(abort.IsCancellationRequested);
        Assert.Equal("aborting", _control.Campaigns[0].State);
        Assert.False(_control.Pause("c1", "bob").Succeeded);
    }

    [Fact]
    public void Requests_UnknownCampaign_AreRefusedNamingIt()
    {
        using var abort = new CancellationTokenSource();
        using var attached = _control.Attach(Id, TestCampaigns.TwoSteps(), abort);

        var result = _control.Pause("nope", "alice");

        Assert.False(result.Succeeded);
        Assert.Contains("'nope'", result.Message, StringComparison.Ordinal);
        Assert.Contains("c1 (test-campaign)", result.Message, StringComparison.Ordinal);
        Assert.False(_control.Resume("nope", "alice").Succeeded);
        Assert.False(_control.Abort("nope", "alice").Succeeded);
        Assert.False(abort.IsCancellationRequested);
    }

    [Fact]
    public void Pause_AmbiguousName_AsksForTheId()
    {
        using var a = new CancellationTokenSource();
        using var b = new CancellationTokenSource();
        using var first = _control.Attach(Id, TestCampaigns.TwoSteps(), a);
        using var second = _control.Attach(new CampaignId("c2"), TestCampaigns.TwoSteps(), b);

        var result = _control.Pause("test-campaign", "alice");

        Assert.False(result.Succeeded);
        Assert.Contains("ambiguous", result.Message, StringComparison.Ordinal);
        Assert.True(_control.Pause("c2", "alice").Succeeded);
        Assert.False(_control.IsPaused(Id));
        Assert.True(_control.IsPaused(new CampaignId("c2")));
    }

    [Fact]
    public async Task WaitForApproval_InsideSafeBounds_ApprovedByPolicy()
    {
        var campaign = WithApproval(new SafeBound("x", 0, 0.5, null));

        var decision = await _control.WaitForApprovalAsync(Experiment("e1", 0.25), campaign).AsTask().WaitAsync(Bound);

        Assert.True(decision.Approved);
        Assert.Equal(ApprovalPolicy.PolicyApprover, decision.DecidedBy);
        Assert.Empty(_control.PendingApprovals);
    }

    [Fact]
    public async Task WaitForApproval_OutsideSafeBounds_WaitsForOperator()
    {
        var campaign = WithApproval(new SafeBound("x", 0, 0.5, null));
        PendingApproval? announced = null;
        _control.ApprovalRequested += p => announced = p;

        var waiting = _control.WaitForApprovalAsync(Experiment("e1", 0.75), campaign).AsTask();

        Assert.False(waiting.IsCompleted);
        var pending = Assert.Single(_control.PendingApprovals);
        Assert.Equal(pending, announced);
        Assert.Contains("outside the safe range [0, 0.5]", pending.Why, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow(), pending.Since);
        Assert.True(_control.Approve("e1", "carol", "checked by hand").Succeeded);
        var decision = await waiting.WaitAsync(Bound);
        Assert.Equal(new ApprovalDecision(true, "carol", "checked by hand"), decision);
        Assert.Empty(_control.PendingApprovals);
    }

    [Fact]
    public async Task Reject_PendingProposal_ReturnsRejection()
    {
        var campaign = WithApproval();
        var waiting = _control.WaitForApprovalAsync(Experiment("e7", 0.1), campaign).AsTask();

        Assert.True(_control.Reject("e7", "dave", "too hot").Succeeded);

        var decision = await waiting.WaitAsync(Bound);
        Assert.False(decision.Approved);
        Assert.Equal("too hot", decision.Reason);
        Assert.False(_control.Approve("e7", "dave").Succeeded);
    }

    [Fact]
    public void Approve_UnknownExperiment_IsRefusedListingThoseWaiting()
    {
        var waiting = _control.WaitForApprovalAsync(Experiment("e2", 0.1), WithApproval()).AsTask();

        var result = _control.Approve("e3", "carol");

        Assert.False(result.Succeeded);
        Assert.Contains("'e3'", result.Message, StringComparison.Ordinal);
        Assert.Contains("waiting: e2", result.Message, StringComparison.Ordinal);
        Assert.False(waiting.IsCompleted);
    }

    [Fact]
    public async Task WaitForApproval_Cancelled_RemovesThePendingProposal()
    {
        using var cancel = new CancellationTokenSource();
        var waiting = _control.WaitForApprovalAsync(Experiment("e4", 0.1), WithApproval(), cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Bound));
        Assert.Empty(_control.PendingApprovals);
    }

    [Fact]
    public void RequiresApproval_FollowsTheCampaignsPolicy()
    {
        Assert.False(_control.RequiresApproval(TestCampaigns.TwoSteps()));
        Assert.True(_control.RequiresApproval(WithApproval()));
    }

    private static CampaignDefinition WithApproval(params SafeBound[] bounds) =>
        TestCampaigns.TwoSteps() with { Approval = new ApprovalPolicy(bounds) };

    private ExperimentRecord Experiment(string id, double x) => new(
        new ExperimentId(id), Id, 1, new ParameterSet(new Dictionary<string, ParameterValue> { ["x"] = x }),
        ExperimentStatus.Proposed, ExperimentStates.Proposed, "{}", _time.GetUtcNow(), _time.GetUtcNow());
}
