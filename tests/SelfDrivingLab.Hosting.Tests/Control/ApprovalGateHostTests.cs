using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Workflow.Control;
using SelfDrivingLab.Workflow.Experiments;

namespace SelfDrivingLab.Hosting.Tests.Control;

/// <summary>The approval gate in a whole campaign: the policy approves proposals inside the safe bounds, an operator decides the rest over the control channel.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class ApprovalGateHostTests : IDisposable
{
    private const double SafeTheta = 100;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Campaign_WithSafeBounds_PolicyApprovesInsideAndOperatorDecidesOutside()
    {
        var quickstart = CampaignLoader.LoadFile(RepositoryPaths.Workflow("quickstart.yaml"));
        var definition = quickstart with
        {
            Budget = 12,
            Proposer = quickstart.Proposer with { InitialCount = 6 },
            Approval = new ApprovalPolicy([new SafeBound("theta", 0, SafeTheta, null)]),
        };
        var ledgerPath = _dir.File("ledger.db");
        using var host = CampaignHost.Build(new CampaignHostSettings(definition) { LedgerPath = ledgerPath });
        var control = host.Services.GetRequiredService<CampaignControl>();
        var decisions = new List<Task<ControlResponse>>();
        var rejectNext = false;
        control.ApprovalRequested += pending =>
        {
            // Decide over the wire, as `sdl control approve|reject` would: alternately reject and approve.
            var endpoint = ControlEndpoint.Read(ledgerPath);
            var action = (rejectNext = !rejectNext) ? ControlAction.Reject : ControlAction.Approve;
            var request = new ControlRequest($"d-{pending.Experiment}", action, "tester", pending.Experiment.Value, "checked the slicer preview");
            lock (decisions)
            {
                decisions.Add(ControlClient.SendAsync(endpoint, request, TimeSpan.FromSeconds(30), TimeProvider.System));
            }
        };

        await host.RunAsync().WaitAsync(Bound);

        Task<ControlResponse>[] sent;
        lock (decisions)
        {
            sent = [.. decisions];
        }

        Assert.NotEmpty(sent);
        Assert.All(await Task.WhenAll(sent), r => Assert.True(r.Ok, r.Message));
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(ledgerPath);
        var campaign = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal(CampaignStatus.Completed, campaign.Status);
        var experiments = await ledger.GetExperimentsAsync(campaign.Id);
        Assert.Equal(12, experiments.Count);
        var operatorDecided = 0;
        foreach (var e in experiments)
        {
            var transitions = await ledger.GetTransitionsAsync(e.Id);
            var decision = Assert.Single(transitions, t => t.Trigger is nameof(ExperimentTrigger.Approve) or nameof(ExperimentTrigger.Reject));
            var inside = e.Parameters.GetNumber("theta") <= SafeTheta;
            if (inside)
            {
                Assert.Equal(nameof(ExperimentTrigger.Approve), decision.Trigger);
                Assert.Contains("policy", decision.Detail, StringComparison.Ordinal);
                continue;
            }

            operatorDecided++;
            Assert.Contains("operator", decision.Detail, StringComparison.Ordinal); // the authenticated identity, not the self-declared "tester"
            if (decision.Trigger == nameof(ExperimentTrigger.Reject))
            {
                Assert.Equal(ExperimentStatus.Aborted, e.Status);
                Assert.Contains("rejected by operator", e.FailureReason, StringComparison.Ordinal);
                Assert.Empty(await ledger.GetCommandsAsync(e.Id));
            }
        }

        Assert.Equal(sent.Length, operatorDecided);
    }
}
