using System.Security.Cryptography;
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
        Damage(_files.LedgerPath);
        var before = Hash(_files.LedgerPath);

        var ex = await Assert.ThrowsAsync<LedgerException>(() => SqliteLedger.OpenAsync(_files.LedgerPath));

        Assert.Contains($"The ledger '{_files.LedgerPath}' is damaged", ex.Message, StringComparison.Ordinal);
        Assert.Contains("It was not changed", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(_files.LedgerPath));
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

    /// <summary>Overwrites 8 KB (two pages) in the middle of the file with seeded random bytes, as a failing disk might.</summary>
    internal static void Damage(string path)
    {
        const int pageSize = 4096;
        var length = new FileInfo(path).Length;
        Assert.True(length >= 8 * pageSize, $"the ledger is too small to damage inside ({length} bytes)");
        var garbage = new byte[2 * pageSize];
        new Random(9).NextBytes(garbage);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = length / pageSize / 2 * pageSize;
        file.Write(garbage);
    }

    internal static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
