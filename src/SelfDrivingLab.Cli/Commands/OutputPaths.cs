namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// Checks, before a command does any work, that the files and directories it will write are
/// writable, so a bad path fails at once with <c>error: {option}: …</c> rather than after a campaign.
/// </summary>
internal static class OutputPaths
{
    /// <summary>True when <paramref name="file"/> can be created or overwritten (its directory is created); otherwise prints why.</summary>
    public static bool CheckFile(FileInfo file, string option, CliConsole console)
    {
        var path = file.FullName;
        if (Directory.Exists(path))
        {
            console.Error.WriteLine($"error: {option}: '{path}' is a directory; give a file name.");
            return false;
        }

        try
        {
            if (file.DirectoryName is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            var existed = File.Exists(path);
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                // Opened for writing without changing it; the real write comes later.
            }

            if (!existed)
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            console.Error.WriteLine($"error: {option}: cannot write '{path}': {ex.Message}");
            return false;
        }
    }

    /// <summary>True when files can be created in <paramref name="directory"/> (created if missing); otherwise prints why.</summary>
    public static bool CheckDirectory(DirectoryInfo directory, string option, CliConsole console)
    {
        var path = directory.FullName;
        if (File.Exists(path))
        {
            console.Error.WriteLine($"error: {option}: '{path}' is a file; give a directory.");
            return false;
        }

        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".sdl-write-check-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                // Created and deleted again: only whether it could be created matters.
            }

            return true;
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            console.Error.WriteLine($"error: {option}: cannot write in '{path}': {ex.Message}");
            return false;
        }
    }

    /// <summary>What the file system throws for a path that cannot be written (missing, read-only, not a file, not allowed).</summary>
    public static bool IsWriteFailure(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException;
}
