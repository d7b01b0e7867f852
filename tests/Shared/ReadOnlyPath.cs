using System.Diagnostics;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// Makes a file or directory read-only for this process until disposed: by permissions for an
/// ordinary user, by a read-only bind mount for root (whom permissions do not stop). Linux only.
/// </summary>
internal sealed class ReadOnlyPath : IDisposable
{
    private static readonly Lazy<string?> Unsupported = new(Probe);
    private readonly string _path;
    private readonly UnixFileMode? _restoreMode;

    private ReadOnlyPath(string path, UnixFileMode? restoreMode)
    {
        _path = path;
        _restoreMode = restoreMode;
    }

    /// <summary>Why paths cannot be made read-only here, or null when they can.</summary>
    public static string? WhyUnsupported => Unsupported.Value;

    public static ReadOnlyPath Make(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(WhyUnsupported);
        }

        if (!Environment.IsPrivilegedProcess)
        {
            var mode = File.GetUnixFileMode(path);
            File.SetUnixFileMode(path, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
            return new ReadOnlyPath(path, mode);
        }

        Run("mount", "--bind", path, path);
        try
        {
            Run("mount", "-o", "remount,ro,bind", path);
        }
        catch
        {
            Run("umount", path);
            throw;
        }

        return new ReadOnlyPath(path, null);
    }

    public void Dispose()
    {
        if (_restoreMode is { } mode && OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(_path, mode);
        }
        else
        {
            Run("umount", _path);
        }
    }

    /// <summary>Runs a command, throwing with its error output when it fails (bounded to 30 s).</summary>
    internal static void Run(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed: {error.Result}");
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "needs Linux";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return null;
        }

        // Root: only a read-only mount stops writes. Try one.
        var probe = Path.Combine(Path.GetTempPath(), "sdl-ro-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            using (Make(probe))
            {
                try
                {
                    File.WriteAllText(Path.Combine(probe, "x"), "x");
                    return "running as root, and a read-only bind mount did not stop writes";
                }
                catch (IOException)
                {
                    return null;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "running as root without permission to mount (root ignores file permissions, so only a read-only mount makes a path read-only)";
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }
}
