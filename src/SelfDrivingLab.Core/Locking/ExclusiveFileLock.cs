using System.Runtime.InteropServices;
using System.Text.Json;

namespace SelfDrivingLab.Core.Locking;

/// <summary>
/// A lock on a file that one process at a time holds, until it is disposed or the process ends in any way (SIGKILL
/// included), with who holds it written beside it (<c>{path}.json</c>). Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The lock is the operating system's: the file is opened with <see cref="FileShare.None"/>, which .NET turns into
/// <c>flock(LOCK_EX | LOCK_NB)</c> on Linux and macOS and into a sharing mode on Windows. On Linux it is advisory: it
/// binds every process that asks for the lock (every sdl process, and the <c>flock</c> tool) and nothing else — readers
/// that never lock (<c>sdl status</c>, <c>sdl export</c>, <c>cat</c>) are not blocked. The kernel drops it with the last
/// descriptor of the file, so it dies with its process and is never left stale; descriptors are not inherited by child
/// processes (.NET opens files close-on-exec).
/// </para>
/// <para>
/// <see cref="Acquire"/> checks that the lock really holds by opening the file a second time, which must be refused: on
/// a file system without working locks, or with .NET's file locking switched off (<c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>),
/// it refuses rather than guard nothing. The lock file is never deleted: a process that opened the old file and one that
/// created a new one could then both hold "the" lock. A locked file cannot be read through .NET by another process, so
/// the holder's description goes to a second file, written (atomically) and deleted only by the holder.
/// </para>
/// </remarks>
public sealed class ExclusiveFileLock : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    private readonly Lock _gate = new();
    private FileStream? _stream;

    private ExclusiveFileLock(string path, FileStream stream, LockHolder holder)
    {
        LockPath = path;
        _stream = stream;
        Holder = holder;
    }

    /// <summary>The lock file (full path).</summary>
    public string LockPath { get; }

    /// <summary>Where the holder's description is written while the lock is held.</summary>
    public string HolderPath => HolderFileFor(LockPath);

    /// <summary>This process, as written to <see cref="HolderPath"/>.</summary>
    public LockHolder Holder { get; }

    /// <summary>False once disposed.</summary>
    public bool IsHeld
    {
        get
        {
            lock (_gate)
            {
                return _stream is not null;
            }
        }
    }

    /// <summary>Where the holder of the lock file <paramref name="lockPath"/> is described.</summary>
    public static string HolderFileFor(string lockPath) => Path.GetFullPath(lockPath) + ".json";

    /// <summary>
    /// Takes the lock on <paramref name="path"/> (creating the file and its directory when missing) for
    /// <paramref name="purpose"/>, without waiting. Throws <see cref="FileLockedException"/>, naming the holder, when
    /// another process (or another lock of this process) holds it; <see cref="IOException"/> when the file system cannot
    /// lock; <see cref="UnauthorizedAccessException"/> or <see cref="IOException"/> when the file cannot be created.
    /// </summary>
    public static ExclusiveFileLock Acquire(string path, string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        FileStream stream;
        try
        {
            stream = Open(fullPath);
        }
        catch (IOException ex) when (IsLockConflict(ex))
        {
            var holder = ReadHolder(fullPath);
            throw new FileLockedException($"'{fullPath}' is locked by {holder?.Describe() ?? "another process"}", ex) { LockPath = fullPath, Holder = holder };
        }

        try
        {
            ProveExclusive(fullPath);
            var holder = LockHolder.Current(purpose);
            WriteHolder(fullPath, holder);
            return new ExclusiveFileLock(fullPath, stream, holder);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The holder described beside the lock file <paramref name="path"/>, or null when none is (or it is left over from a process of this machine that is gone).</summary>
    public static LockHolder? ReadHolder(string path)
    {
        try
        {
            var holder = JsonSerializer.Deserialize<LockHolder>(File.ReadAllText(HolderFileFor(path)), Json);
            return holder is null || holder.IsGoneFromThisMachine() ? null : holder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Deletes the holder's description, then releases the lock. Idempotent.</summary>
    public void Dispose()
    {
        FileStream? stream;
        lock (_gate)
        {
            stream = _stream;
            _stream = null;
        }

        if (stream is null)
        {
            return;
        }

        try
        {
            // Still held: the description is ours to delete.
            File.Delete(HolderPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A description left behind names a process that is gone; readers ignore it.
        }

        stream.Dispose();
    }

    private static FileStream Open(string fullPath) => new(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    /// <summary>A second open of the file must be refused while it is locked; if it is not, locks do not work here.</summary>
    private static void ProveExclusive(string fullPath)
    {
        try
        {
            using var second = Open(fullPath);
        }
        catch (IOException ex) when (IsLockConflict(ex))
        {
            return;
        }

        throw new IOException(
            $"cannot lock '{fullPath}': file locks do not work there (a file system without locks, or .NET file locking switched off by DOTNET_SYSTEM_IO_DISABLEFILELOCKING), so a second process could not be kept out; use a local file system");
    }

    private static void WriteHolder(string fullPath, LockHolder holder)
    {
        var holderPath = HolderFileFor(fullPath);
        var temporary = holderPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(holder, Json));
        File.Move(temporary, holderPath, overwrite: true);
    }

    /// <summary>
    /// Whether opening failed because the file is locked: <c>EWOULDBLOCK</c> from <c>flock</c> on Unix (.NET's
    /// <see cref="Exception.HResult"/> then holds the errno), a sharing or lock violation on Windows.
    /// </summary>
    private static bool IsLockConflict(IOException exception)
    {
        const int LinuxWouldBlock = 11;
        const int BsdWouldBlock = 35;
        const int WindowsSharingViolation = 32;
        const int WindowsLockViolation = 33;
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return (exception.HResult & 0xFFFF) is WindowsSharingViolation or WindowsLockViolation;
        }

        return exception.HResult == (RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? LinuxWouldBlock : BsdWouldBlock);
    }
}
