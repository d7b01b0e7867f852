using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;
using SelfDrivingLab.Workflow.Tests.Fakes;

namespace SelfDrivingLab.Workflow.Tests.Campaigns;

/// <summary>
/// A running campaign is resumed by what defines it, not by its file text (issue 10 section 1): free changes resume it
/// and are recorded; a changed space is refused naming the change and writing nothing, unless the changes are accepted.
/// </summary>
public sealed class CampaignIdentityResumeTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryLedger _ledger = new();

    [Fact]
    public async Task RunAsync_OnlyTheTextChanged_ResumesAndRecordsTheNewText()
    {
        var first = await RunHalfAsync(TestCampaigns.TwoSteps(budget: 4));
        var edited = TestCampaigns.TwoSteps(budget: 4) with { SourceText = "# a comment\nname: test-campaign" };

        var summary = await Runner().RunAsync(edited);

        Assert.Equal((first, CampaignStatus.Completed, 4), (summary.CampaignId, summary.Status, summary.Experiments));
        var revision = Assert.Single(await _ledger.GetCampaignRevisionsAsync(first));
        Assert.Equal(CampaignRevisionKind.FreeChanges, revision.Kind);
        Assert.StartsWith("text: changed", Assert.Single(revision.Changes), StringComparison.Ordinal);
        Assert.Equal(edited.SourceText, (await _ledger.FindCampaignAsync(first))!.Definition);
    }

    [Fact]
    public async Task RunAsync_SpaceChanged_RefusedNamingTheChangeAndNothingWritten()
    {
        var first = await RunHalfAsync(TestCampaigns.TwoSteps(budget: 4));
        var before = await SnapshotAsync(first);
        var changed = TestCampaigns.TwoSteps(budget: 4) with { Space = new SearchSpace([new ContinuousParameter("x", 0, 2)]) };

        var error = await Assert.ThrowsAsync<CampaignChangedException>(() => Runner().RunAsync(changed));

        Assert.Equal([new DefinitionChange("space.x.high", "1", "2")], error.Changes);
        Assert.Contains("\n  space.x.high: 1 → 2\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("--accept-changes", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(first));
    }

    [Fact]
    public async Task RunAsync_WorkflowDeadlineChangedWithAcceptChanges_ResumesUnderTheNewDefinitionAndRecordsIt()
    {
        var first = await RunHalfAsync(TestCampaigns.TwoSteps(budget: 4));
        var changed = TestCampaigns.TwoSteps(budget: 4) with
        {
            Steps = [TestCampaigns.Synthesis, TestCampaigns.Characterization with { Deadline = TimeSpan.FromMinutes(30) }],
            SourceText = "name: test-campaign\n# measure within 30m",
        };

        var summary = await Runner(acceptChanges: true).RunAsync(changed);

        Assert.Equal((first, CampaignStatus.Completed, 4), (summary.CampaignId, summary.Status, summary.Experiments));
        var revision = Assert.Single(await _ledger.GetCampaignRevisionsAsync(first));
        Assert.Equal((CampaignRevisionKind.AcceptedChanges, changed.SourceText), (revision.Kind, revision.Definition));
        Assert.Equal(["workflow[1].deadline: 1h → 30m"], revision.Changes);
        var stored = (await _ledger.FindCampaignAsync(first))!;
        Assert.Equal((changed.SourceText, revision.Identity), (stored.Definition, stored.Identity));
        Assert.Empty(CampaignIdentity.Of(changed).ChangesTo(Identity(stored)));
    }

    [Fact]
    public async Task RunAsync_BudgetRaised_ResumesToTheNewBudgetAndRecordsItAsAFreeChange()
    {
        var first = await RunHalfAsync(TestCampaigns.TwoSteps(budget: 4));

        var summary = await Runner().RunAsync(TestCampaigns.TwoSteps(budget: 6));

        Assert.Equal((first, 6), (summary.CampaignId, summary.Experiments));
        var revision = Assert.Single(await _ledger.GetCampaignRevisionsAsync(first));
        Assert.Equal((CampaignRevisionKind.FreeChanges, 6), (revision.Kind, revision.Budget));
        Assert.Equal(["budget: 4 → 6"], revision.Changes);
        Assert.Equal(6, (await _ledger.FindCampaignAsync(first))!.Budget);
    }

    [Fact]
    public async Task RunAsync_NothingChanged_ResumesWithoutARevision()
    {
        var first = await RunHalfAsync(TestCampaigns.TwoSteps(budget: 4));

        var summary = await Runner().RunAsync(TestCampaigns.TwoSteps(budget: 4));

        Assert.Equal(first, summary.CampaignId);
        Assert.Empty(await _ledger.GetCampaignRevisionsAsync(first));
    }

    [Fact]
    public async Task RunAsync_CampaignStoredWithoutIdentityAndAnotherText_StartsANewCampaignAsBefore()
    {
        var definition = TestCampaigns.TwoSteps(budget: 2);
        var old = new Core.Ids.CampaignId("test-campaign-old");
        await _ledger.CreateCampaignAsync(new CampaignRecord(old, definition.Name, "name: test-campaign\n# the text of another file", 3, 2, CampaignStatus.Running, Start, Start));

        var summary = await Runner().RunAsync(definition);

        Assert.NotEqual(old, summary.CampaignId);
        Assert.Equal(2, (await _ledger.ListCampaignsAsync()).Count);
    }

    /// <summary>Stores <paramref name="definition"/> as a running campaign (with its identity) whose first two experiments completed.</summary>
    private async Task<Core.Ids.CampaignId> RunHalfAsync(CampaignDefinition definition)
    {
        var id = new Core.Ids.CampaignId("test-campaign-1");
        await _ledger.CreateCampaignAsync(new CampaignRecord(id, definition.Name, definition.SourceText, definition.Seed, definition.Budget, CampaignStatus.Running, Start, Start)
        {
            Identity = CampaignIdentity.Of(definition).ToJson(),
        });
        for (var sequence = 1; sequence <= 2; sequence++)
        {
            var experiment = new Core.Ids.ExperimentId($"{id}-e{sequence:0000}");
            var x = sequence / 10.0;
            await _ledger.AddExperimentAsync(new ExperimentRecord(experiment, id, sequence, new ParameterSet([new("x", x)]), ExperimentStatus.Proposed, ExperimentStates.Proposed, "{}", Start, Start));
            await _ledger.RecordResultAsync(experiment, new ExperimentResult([new StepOutputs("characterization", new ParameterSet([new("y", x)]))], [new ObjectiveValue("y", x)]), Start);
            await _ledger.RecordTransitionAsync(new StateTransitionRecord(experiment, ExperimentStates.Proposed, ExperimentStates.Completed, "test", Start), ExperimentStatus.Completed);
        }

        return id;
    }

    private async Task<string> SnapshotAsync(Core.Ids.CampaignId id)
    {
        var campaign = await _ledger.FindCampaignAsync(id);
        var experiments = await _ledger.GetExperimentsAsync(id);
        var revisions = await _ledger.GetCampaignRevisionsAsync(id);
        return $"{(await _ledger.ListCampaignsAsync()).Count} {campaign} {string.Join(";", experiments.Select(e => $"{e.Id} {e.Status} {e.State}"))} {revisions.Count} {_ledger.Commands.Count}";
    }

    private static CampaignIdentity Identity(CampaignRecord campaign) =>
        CampaignIdentity.TryParse(campaign.Identity, out var identity) ? identity! : throw new InvalidOperationException("no identity stored");

    private static ScriptedGateway Lab() => new ScriptedGateway()
        .Answer("anneal", _ => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("sample_id", "S")])))
        .Answer("measure", c => new StepCommandResult(StepCommandStatus.Completed, new ParameterSet([new("y", c.Parameters!.GetNumber("x"))])));

    private CampaignRunner Runner(bool acceptChanges = false) => new(
        _ledger,
        new ExperimentRunner(_ledger, Lab(), _time, NoWorkTracker.Instance, NullLogger<ExperimentRunner>.Instance),
        _time,
        NoWorkTracker.Instance,
        NullLogger<CampaignRunner>.Instance)
    {
        AcceptChanges = acceptChanges,
    };
}
