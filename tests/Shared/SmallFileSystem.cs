namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// A tmpfs of a few hundred kilobytes mounted on a fresh directory, to fill a disk for real; unmounted
/// on dispose. Needs Linux and permission to mount (root in a container usually has it).
/// </summary>
internal sealed class SmallFileSystem : IDisposable
{
    private static readonly Lazy<string?> Unsupported = new(Probe);

    private SmallFileSystem(string path) => Path = path;

    /// <summary>Why no small file system can be mounted here, or null when it can.</summary>
    public static string? WhyUnsupported => Unsupported.Value;

    public string Path { get; }

    public static SmallFileSystem Mount(string path, int kilobytes)
    {
        Directory.CreateDirectory(path);
        ReadOnlyPath.Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", path);
        return new SmallFileSystem(path);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => ReadOnlyPath.Run("umount", Path);

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return "needs Linux and root (permission to mount a tmpfs)";
        }

        var probe = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sdl-tmpfs-probe-" + Guid.NewGuid().ToString("N"));
        try
        {
            using (Mount(probe, 64))
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "no permission to mount a tmpfs";
        }
        finally
        {
            Directory.Delete(probe, recursive: true);
        }
    }
}
