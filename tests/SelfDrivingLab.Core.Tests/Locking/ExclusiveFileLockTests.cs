using System.Diagnostics;
using System.Text.Json;
using SelfDrivingLab.Core.Locking;

namespace SelfDrivingLab.Core.Tests.Locking;

/// <summary>
/// The lock is the operating system's (flock on Linux): another process sees it (the <c>flock</c> tool), and it dies
/// with the process that holds it, SIGKILL included. The cross-process tests with sdl itself are in Cli.Tests (OneWriterTests).
/// </summary>
public sealed class ExclusiveFileLockTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Acquire_AlreadyHeld_RefusesNamingTheHolder()
    {
        var path = _dir.File("sub/ledger.db.lock");
        using var first = ExclusiveFileLock.Acquire(path, "test: first");

        var ex = Assert.Throws<FileLockedException>(() => ExclusiveFileLock.Acquire(path, "test: second"));

        Assert.Equal(Path.GetFullPath(path), ex.LockPath);
        Assert.NotNull(ex.Holder);
        Assert.Equal((Environment.ProcessId, Environment.MachineName, "test: first"), (ex.Holder.ProcessId, ex.Holder.HostName, ex.Holder.Purpose));
        Assert.Contains($"process {Environment.ProcessId} ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test: first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Held_ReleasesTheLockAndRemovesTheHolderFile()
    {
        var path = _dir.File("x.lock");
        var first = ExclusiveFileLock.Acquire(path, "test: first");
        Assert.True(File.Exists(first.HolderPath));

        first.Dispose();
        first.Dispose();

        Assert.False(first.IsHeld);
        Assert.False(File.Exists(ExclusiveFileLock.HolderFileFor(path)));
        Assert.True(File.Exists(path), "the lock file itself is never deleted");
        using var second = ExclusiveFileLock.Acquire(path, "test: second");
        Assert.Equal("test: second", ExclusiveFileLock.ReadHolder(path)!.Purpose);
    }

    [Fact]
    public void ReadHolder_LeftOverByAProcessThatIsGone_IsNull()
    {
        var path = _dir.File("x.lock");
        int gone;
        using (var finished = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            finished.WaitForExit();
            gone = finished.Id;
        }

        var stale = new LockHolder(gone, Environment.MachineName, "someone", DateTimeOffset.UnixEpoch, "killed");
        File.WriteAllText(ExclusiveFileLock.HolderFileFor(path), JsonSerializer.Serialize(stale, Json));

        Assert.Null(ExclusiveFileLock.ReadHolder(path));
        using var taken = ExclusiveFileLock.Acquire(path, "test: after a kill");
        Assert.Equal(Environment.ProcessId, ExclusiveFileLock.ReadHolder(path)!.ProcessId);
    }

    [RequiresCommandsFact("flock")]
    public async Task Acquire_Held_IsAnOperatingSystemLockAnotherProcessSees()
    {
        var path = _dir.File("x.lock");
        using (ExclusiveFileLock.Acquire(path, "test"))
        {
            Assert.Equal(1, await FlockAsync(path));
        }

        Assert.Equal(0, await FlockAsync(path));
    }

    [RequiresCommandsFact("flock")]
    public async Task Acquire_HeldByAnotherProcessThenItIsKilled_IsRefusedThenTaken()
    {
        var path = _dir.File("x.lock");

        // flock(1) holds the lock itself (-o: its command does not inherit it) and says so once it does; the command waits on stdin.
        var info = new ProcessStartInfo("flock", ["-o", path, "-c", "echo held; read line"]) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        using var holder = Process.Start(info)!;
        try
        {
            Assert.Equal("held", await holder.StandardOutput.ReadLineAsync().WaitAsync(Bound));

            var ex = Assert.Throws<FileLockedException>(() => ExclusiveFileLock.Acquire(path, "test"));
            Assert.Null(ex.Holder);

            holder.Kill(entireProcessTree: false);
            await holder.WaitForExitAsync().WaitAsync(Bound);
            using var taken = ExclusiveFileLock.Acquire(path, "test");
            Assert.True(taken.IsHeld);
        }
        finally
        {
            holder.StandardInput.Close();
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>The exit code of <c>flock -n</c>: 0 when it got the lock, 1 when another holds it.</summary>
    private static async Task<int> FlockAsync(string path)
    {
        using var flock = Process.Start(new ProcessStartInfo("flock", ["-n", "-E", "1", path, "true"]) { UseShellExecute = false })!;
        await flock.WaitForExitAsync().WaitAsync(Bound);
        return flock.ExitCode;
    }
}
