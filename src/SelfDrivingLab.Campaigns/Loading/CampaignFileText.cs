using System.Text;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads a campaign or facility file's text, at most <see cref="MaxBytes"/>: a campaign file is a few
/// kilobytes of YAML, and a device (<c>/dev/zero</c>) or a huge file given by mistake must fail at once
/// rather than fill memory. Problems become a <see cref="CampaignDefinitionException"/> naming the file.
/// </summary>
internal static class CampaignFileText
{
    /// <summary>The largest campaign file read: 1 MiB (the examples are 2–6 KB).</summary>
    public const int MaxBytes = 1 << 20;

    public static string Read(string fullPath)
    {
        try
        {
            if (Directory.Exists(fullPath))
            {
                throw Problem(fullPath, $"'{fullPath}' is a directory, not a campaign file");
            }

            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            using (var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan))
            {
                int read;
                while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += read;
                }
            }

            if (length > MaxBytes)
            {
                throw Problem(fullPath, $"'{fullPath}' is larger than {MaxBytes / (1 << 20)} MiB; a campaign file is a short YAML text (is it the right file?)");
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var message = ex is FileNotFoundException or DirectoryNotFoundException ? $"file '{fullPath}' does not exist" : $"cannot read '{fullPath}': {ex.Message}";
            throw Problem(fullPath, message);
        }
    }

    private static CampaignDefinitionException Problem(string fullPath, string message) =>
        new(Path.GetFileName(fullPath), [new DefinitionError(string.Empty, message, null)]);
}
