namespace SelfDrivingLab.Core.Locking;

/// <summary>Another process holds the <see cref="ExclusiveFileLock"/>; nothing was changed.</summary>
public sealed class FileLockedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public FileLockedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FileLockedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public FileLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The lock file.</summary>
    public string LockPath { get; init; } = string.Empty;

    /// <summary>Who holds the lock, when it said so (null while the holder is still writing who it is).</summary>
    public LockHolder? Holder { get; init; }

    /// <summary>The holder for people: its <see cref="LockHolder.Describe"/>, or "another process" when it is not known yet.</summary>
    public string HolderDescription => Holder?.Describe() ?? "another process (it has not yet written who it is)";
}
