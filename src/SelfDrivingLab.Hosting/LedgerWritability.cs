using System.Text.RegularExpressions;

namespace SelfDrivingLab.Hosting;

/// <summary>
/// Whether the ledger file could be written, without writing it or opening it a second time: it exists, its mode lets
/// this process write it, and (on Linux) the mount it is on is not read-only. Thread-safe.
/// </summary>
internal static partial class LedgerWritability
{
    /// <summary>Why <paramref name="path"/> could not be written, or null.</summary>
    public static string? Problem(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return $"the ledger file {path} is gone";
        }

        // On Unix, ReadOnly means the file's mode does not let this process's user write it.
        if (!Environment.IsPrivilegedProcess && file.Attributes.HasFlag(FileAttributes.ReadOnly))
        {
            return $"the ledger file {path} is not writable (its permissions)";
        }

        return OperatingSystem.IsLinux() && IsOnReadOnlyMount(path) ? $"the ledger file {path} is on a read-only file system" : null;
    }

    // /proc/self/mountinfo: "36 35 98:0 /root /mount/point rw,noatime … - ext4 /dev/sda1 rw". The mount with the longest
    // mount point that holds the path, the last of equal ones (mounted on top), decides.
    private static bool IsOnReadOnlyMount(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines("/proc/self/mountinfo");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        var best = -1;
        var readOnly = false;
        foreach (var line in lines)
        {
            var fields = line.Split(' ');
            if (fields.Length < 6)
            {
                continue;
            }

            var mountPoint = Octal().Replace(fields[4], m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString());
            var holds = path == mountPoint || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (holds && mountPoint.Length >= best)
            {
                best = mountPoint.Length;
                readOnly = fields[5].Split(',').Contains("ro", StringComparer.Ordinal);
            }
        }

        return readOnly;
    }

    [GeneratedRegex(@"\\([0-7]{3})")]
    private static partial Regex Octal();
}
