namespace SelfDrivingLab.Cli.Tests;

/// <summary>Issue 9 item 12: campaign files that are not what they should be, reported in user words with exit code 2.</summary>
public sealed class CampaignFileInputTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RequiresPathFact("/dev/zero")]
    public async Task Validate_DevZero_ExitsWithCode2AtOnce()
    {
        var error = new StringWriter();

        // It used to read until an OutOfMemoryException, 48 s later.
        var exit = await SdlCommandLine.RunAsync(["validate", "/dev/zero"], new StringWriter(), error).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("'/dev/zero' is larger than 1 MiB", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_50MbCampaignFile_ExitsWithCode2AndStartsNothing()
    {
        var file = _dir.File("huge.yaml");
        await using (var writer = File.CreateText(file))
        {
            await writer.WriteAsync(await File.ReadAllTextAsync(RepositoryPaths.Workflow("quickstart.yaml")));
            var padding = new string('#', 1023) + "\n";
            for (var i = 0; i < 50 * 1024; i++)
            {
                await writer.WriteAsync(padding);
            }
        }

        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["run", file, "--ledger", _dir.File("ledger.db")], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("is larger than 1 MiB", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("ledger.db")));
    }

    [Fact]
    public async Task Validate_UnclosedBracket_ReportsLineAndColumnInUserWords()
    {
        var file = _dir.File("bracket.yaml");
        await File.WriteAllTextAsync(file, "name: x\nbudget: [1, 2\nseed: 3\n");
        var error = new StringWriter();

        var exit = await SdlCommandLine.RunAsync(["validate", file], new StringWriter(), error);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("line 2, column 9: not valid YAML: this '[' is never closed", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("current state of the object", error.ToString(), StringComparison.Ordinal);
    }
}
