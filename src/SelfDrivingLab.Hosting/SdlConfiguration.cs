using Microsoft.Extensions.Configuration;

namespace SelfDrivingLab.Hosting;

/// <summary>
/// The configuration every sdl command reads, as the generic host builds it for <c>sdl run</c>: <c>appsettings.json</c> in
/// the current directory (optional), then environment variables (<c>Section__Key</c>), the later winning. For commands
/// that bind options before (or without) a host: <c>sdl control</c>'s credentials, <c>sdl run</c>'s dashboard.
/// </summary>
public static class SdlConfiguration
{
    /// <summary>The settings file read from the current directory.</summary>
    public const string FileName = "appsettings.json";

    /// <summary>Reads the file in <paramref name="directory"/> (default the current directory; when present) and the environment.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON.</exception>
    public static IConfiguration Load(string? directory = null)
    {
        var basePath = directory ?? Directory.GetCurrentDirectory();
        try
        {
            return new ConfigurationBuilder()
                .SetBasePath(basePath)
                .AddJsonFile(FileName, optional: true)
                .AddEnvironmentVariables()
                .Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"{Path.Combine(basePath, FileName)} is not valid JSON: {(ex.InnerException ?? ex).Message}", ex);
        }
    }
}
