using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using static SelfDrivingLab.Ledger.Tests.LedgerTestFiles;

namespace SelfDrivingLab.Ledger.Tests;

/// <summary>Issue 9 item 13: reading a ledger that may not be written (read-only file, directory or mount).</summary>
public sealed class SqliteLedgerReadOnlyPlaceTests : IDisposable
{
    private readonly LedgerTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Folder => Path.GetDirectoryName(_files.LedgerPath)!;

    [ReadOnlyPathFact]
    public async Task OpenReadOnlyAsync_ReadOnlyDirectory_ReadsTheLedger()
    {
        await SqliteLedgerIntegrityTests.WriteLedgerAsync(_files.LedgerPath, experiments: 3);

        using (ReadOnlyPath.Make(Folder))
        {
            await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_files.LedgerPath);

            Assert.Equal(3, (await ledger.GetExperimentsAsync(new CampaignId("c1"))).Count);
        }

        Assert.Equal(["ledger.db"], Directory.GetFiles(Folder).Select(Path.GetFileName));
    }

    [ReadOnlyPathFact]
    public async Task OpenReadOnlyAsync_ReadOnlyFile_ReadsTheLedger()
    {
        await SqliteLedgerIntegrityTests.WriteLedgerAsync(_files.LedgerPath, experiments: 3);

        using (ReadOnlyPath.Make(_files.LedgerPath))
        {
            await using var ledger = await SqliteLedger.OpenReadOnlyAsync(_files.LedgerPath);

            Assert.Equal(3, (await ledger.GetExperimentsAsync(new CampaignId("c1"))).Count);
        }
    }

    [ReadOnlyPathFact]
    public async Task OpenReadOnlyAsync_ReadOnlyDirectoryWithUncheckpointedWal_RefusesNamingTheWal()
    {
        // A copy taken while a writer was open: the newest transactions are only in the -wal file.
        var copy = Path.Combine(_files.Directory, "copy");
        Directory.CreateDirectory(copy);
        await using (var writer = await SqliteLedger.OpenAsync(_files.LedgerPath))
        {
            await writer.CreateCampaignAsync(Campaign());
            File.Copy(_files.LedgerPath, Path.Combine(copy, "ledger.db"));
            File.Copy(_files.LedgerPath + "-wal", Path.Combine(copy, "ledger.db-wal"));
        }

        using (ReadOnlyPath.Make(copy))
        {
            var ex = await Assert.ThrowsAsync<LedgerException>(() => SqliteLedger.OpenReadOnlyAsync(Path.Combine(copy, "ledger.db")));

            Assert.Contains("ledger.db-wal' holds transactions not yet in the file", ex.Message, StringComparison.Ordinal);
        }
    }

    [ReadOnlyPathFact]
    public async Task OpenAsync_ReadOnlyDirectory_ThrowsSayingSoAndChangesNothing()
    {
        await SqliteLedgerIntegrityTests.WriteLedgerAsync(_files.LedgerPath, experiments: 3);
        var before = FileDamage.Sha256(_files.LedgerPath);

        using (ReadOnlyPath.Make(Folder))
        {
            var ex = await Assert.ThrowsAsync<LedgerException>(() => SqliteLedger.OpenAsync(_files.LedgerPath));

            Assert.Contains("read-only", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, FileDamage.Sha256(_files.LedgerPath));
    }
}
