using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests;

/// <summary>Issue 9 item 9: a damaged ledger is refused before anything is written to it.</summary>
public sealed class SqliteLedgerIntegrityTests : IDisposable
{
    private readonly LedgerTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task OpenAsync_8KbOverwrittenInsideTheFile_ThrowsDamagedAndLeavesTheFileUnchanged()
    {
        await WriteLedgerAsync(_files.LedgerPath, experiments: 300);
        FileDamage.Overwrite8KbInside(_files.LedgerPath);
        var before = FileDamage.Sha256(_files.LedgerPath);

        var ex = await Assert.ThrowsAsync<LedgerException>(() => SqliteLedger.OpenAsync(_files.LedgerPath));

        Assert.Contains($"The ledger '{_files.LedgerPath}' is damaged", ex.Message, StringComparison.Ordinal);
        Assert.Contains("It was not changed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, FileDamage.Sha256(_files.LedgerPath));
        Assert.False(new FileInfo(_files.LedgerPath + "-wal") is { Exists: true, Length: > 0 }, "nothing may have been written to the WAL either");
    }

    [Fact]
    public async Task OpenAsync_IntactLedger_OpensAndKeepsItsData()
    {
        await WriteLedgerAsync(_files.LedgerPath, experiments: 300);

        await using var ledger = await SqliteLedger.OpenAsync(_files.LedgerPath);

        Assert.Equal(300, (await ledger.GetExperimentsAsync(new CampaignId("c1"))).Count);
    }

    /// <summary>A ledger with one campaign of <paramref name="experiments"/> experiments, each with a command, closed (checkpointed).</summary>
    internal static async Task WriteLedgerAsync(string path, int experiments)
    {
        await using var ledger = await SqliteLedger.OpenAsync(path);
        await ledger.CreateCampaignAsync(Campaign());
        for (var i = 1; i <= experiments; i++)
        {
            await ledger.AddExperimentAsync(Experiment($"e{i}", i));
            await ledger.RecordCommandAsync(Command($"e{i}-s1", $"e{i}"));
        }
    }
}
