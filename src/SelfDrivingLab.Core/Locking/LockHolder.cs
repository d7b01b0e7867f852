using System.Diagnostics;
using System.Globalization;

namespace SelfDrivingLab.Core.Locking;

/// <summary>Who holds an <see cref="ExclusiveFileLock"/>: the process, where it runs, since when, and what for. Immutable.</summary>
/// <param name="ProcessId">The holding process.</param>
/// <param name="HostName">The machine it runs on.</param>
/// <param name="User">The user it runs as.</param>
/// <param name="StartedAt">When the process started (UTC).</param>
/// <param name="Purpose">What it holds the lock for, e.g. <c>sdl run: campaign 'crossed-barrel-quickstart'</c>.</param>
public sealed record LockHolder(int ProcessId, string HostName, string User, DateTimeOffset StartedAt, string Purpose)
{
    /// <summary>This process, holding a lock for <paramref name="purpose"/>.</summary>
    public static LockHolder Current(string purpose)
    {
        using var self = Process.GetCurrentProcess();
        return new LockHolder(Environment.ProcessId, Environment.MachineName, Environment.UserName, new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero), purpose);
    }

    /// <summary>For people: <c>process 1234 (alice) on host lab-pc, started 2026-03-01 09:30:00Z: sdl run: campaign 'x'</c>.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} ({User}) on host {HostName}, started {StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z: {Purpose}");

    /// <summary>True when this holder is a process of this machine that no longer runs (its description is left over).</summary>
    internal bool IsGoneFromThisMachine()
    {
        if (!string.Equals(HostName, Environment.MachineName, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
