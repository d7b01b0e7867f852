using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Cli.Tests;

/// <summary>
/// <c>sdl run</c> resumes a running campaign by what defines it, not by its file text (issue 10 section 1): a comment
/// edit resumes it; a changed space is refused with exit code 2, naming the change, writing nothing; <c>--accept-changes</c>
/// resumes it and the ledger records the change; a raised budget resumes it to the new budget; a ledger of schema 2
/// (no stored identity) is resumed by its file text as before.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public sealed class ResumeIdentityTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);
    private readonly TemporaryDirectory _dir = new();

    public ResumeIdentityTests()
    {
        Directory.CreateDirectory(_dir.File("data"));
        File.Copy(RepositoryPaths.Workflow(Path.Combine("data", "crossed_barrel.csv")), _dir.File(Path.Combine("data", "crossed_barrel.csv")));
    }

    public void Dispose() => _dir.Dispose();

    private string LedgerPath => _dir.File("ledger.db");

    private string CampaignPath => _dir.File("campaign.yaml");

    [Fact]
    public async Task Run_CommentEdited_ResumesTheRunningCampaign()
    {
        var campaign = await RunningCampaignAsync(Small());
        await File.WriteAllTextAsync(CampaignPath, "# checked by Ada on Monday\n" + Small());

        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains($"Resumed campaign {campaign} from the ledger", output, StringComparison.Ordinal);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(LedgerPath);
        Assert.Equal(campaign, Assert.Single(await ledger.ListCampaignsAsync()).Id);
        Assert.Equal(CampaignRevisionKind.FreeChanges, Assert.Single(await ledger.GetCampaignRevisionsAsync(campaign)).Kind);
    }

    [Fact]
    public async Task Run_SpaceChanged_RefusedWithExitCode2NamingTheChangeAndTheLedgerFileUnchanged()
    {
        var campaign = await RunningCampaignAsync(Small());
        await File.WriteAllTextAsync(CampaignPath, Small().Replace("high: 200", "high: 250", StringComparison.Ordinal));
        var before = SHA256.HashData(await File.ReadAllBytesAsync(LedgerPath));

        var (exit, _, error) = await RunAsync();

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"campaign 'crossed-barrel-quickstart' is running in the ledger as {campaign} with another definition", error, StringComparison.Ordinal);
        Assert.Contains("\n  space.theta.high: 200 → 250\n", error, StringComparison.Ordinal);
        Assert.Contains("--accept-changes", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(LedgerPath)));
    }

    [Fact]
    public async Task Run_SpaceChangedWithAcceptChanges_ResumesAndTheLedgerRecordsTheChange()
    {
        var campaign = await RunningCampaignAsync(Small());
        var changed = Small().Replace("high: 200", "high: 250", StringComparison.Ordinal);
        await File.WriteAllTextAsync(CampaignPath, changed);

        var (exit, output, error) = await RunAsync("--accept-changes");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains($"Resumed campaign {campaign} from the ledger", output, StringComparison.Ordinal);
        Assert.Contains("Accepted changes, recorded in the ledger:\n  space.theta.high: 200 → 250", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(LedgerPath);
        var revision = Assert.Single(await ledger.GetCampaignRevisionsAsync(campaign));
        Assert.Equal((CampaignRevisionKind.AcceptedChanges, changed), (revision.Kind, revision.Definition));
        Assert.Equal(["space.theta.high: 200 → 250"], revision.Changes);
        Assert.Equal(changed, (await ledger.FindCampaignAsync(campaign))!.Definition);
    }

    [Fact]
    public async Task Run_BudgetRaised_ResumesToTheNewBudgetAndRecordsIt()
    {
        var campaign = await RunningCampaignAsync(Small());
        await File.WriteAllTextAsync(CampaignPath, Small(budget: 6));

        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("4 of 6 experiments done", output, StringComparison.Ordinal);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(LedgerPath);
        Assert.Equal(6, (await ledger.GetExperimentsAsync(campaign)).Count);
        Assert.Equal(["budget: 4 → 6"], Assert.Single(await ledger.GetCampaignRevisionsAsync(campaign)).Changes);
    }

    [Fact]
    public async Task Run_Version2LedgerWithItsCampaignsFileText_ResumesItAndStoresItsIdentity()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "SelfDrivingLab.Ledger.Tests", "Data", "ledger-v2.db"), LedgerPath);
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "SelfDrivingLab.Ledger.Tests", "Data", "ledger-v2.yaml"), CampaignPath);
        var campaign = new CampaignId("crossed-barrel-quickstart-20261206-220259");

        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains($"Resumed campaign {campaign} from the ledger: 6 of 6 experiments done", output, StringComparison.Ordinal);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(LedgerPath);
        var stored = Assert.Single(await ledger.ListCampaignsAsync());
        Assert.Equal((campaign, CampaignStatus.Completed), (stored.Id, stored.Status));
        Assert.NotNull(stored.Identity);
        Assert.StartsWith("identity: stored", Assert.Single(Assert.Single(await ledger.GetCampaignRevisionsAsync(campaign)).Changes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Version2LedgerWithAnotherText_StartsANewCampaignAsBefore()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "SelfDrivingLab.Ledger.Tests", "Data", "ledger-v2.db"), LedgerPath);
        await File.WriteAllTextAsync(CampaignPath, "# edited\n" + await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "SelfDrivingLab.Ledger.Tests", "Data", "ledger-v2.yaml")));

        var (exit, output, error) = await RunAsync();

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.DoesNotContain("Resumed", output, StringComparison.Ordinal);
        await using var ledger = await SqliteLedger.OpenReadOnlyAsync(LedgerPath);
        Assert.Equal(2, (await ledger.ListCampaignsAsync()).Count);
    }

    /// <summary>The quickstart, small: <paramref name="budget"/> experiments, all from a 4-point initial design.</summary>
    private static string Small(int budget = 4) =>
        File.ReadAllText(RepositoryPaths.Workflow("quickstart.yaml"))
            .Replace("budget: 48", $"budget: {budget}", StringComparison.Ordinal)
            .Replace("count: 10 }", "count: 4 }", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="text"/> to its end, then marks the campaign Running again, as a host killed before its final status write leaves it.</summary>
    private async Task<CampaignId> RunningCampaignAsync(string text)
    {
        await File.WriteAllTextAsync(CampaignPath, text);
        var (exit, _, error) = await RunAsync();
        Assert.True(exit == 0, $"exit {exit}: {error}");
        CampaignId campaign;
        await using (var ledger = await SqliteLedger.OpenReadOnlyAsync(LedgerPath))
        {
            campaign = Assert.Single(await ledger.ListCampaignsAsync()).Id;
        }

        await using var connection = new SqliteConnection($"Data Source={LedgerPath};Pooling=False");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE campaigns SET status = 'Running'";
        Assert.Equal(1, await update.ExecuteNonQueryAsync());
        return campaign;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] options)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await SdlCommandLine.RunAsync(["run", CampaignPath, "--ledger", LedgerPath, "--quiet", .. options], output, error).WaitAsync(Bound);
        return (exit, output.ToString(), error.ToString());
    }
}
