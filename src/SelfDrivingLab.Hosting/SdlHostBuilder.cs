using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SelfDrivingLab.Hosting.Logging;

namespace SelfDrivingLab.Hosting;

/// <summary>The generic-host builder every sdl process starts from: no command-line configuration, the log level and shutdown timeout of the settings.</summary>
internal static class SdlHostBuilder
{
    /// <summary>How long hosted services get to stop (instruments announce offline, the ledger flushes).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    public static HostApplicationBuilder Create(string applicationName, LogLevel logLevel)
    {
        try
        {
            // The host reads the same file; a broken one is the user's to fix, named in one line.
            SdlConfiguration.Load();
        }
        catch (InvalidDataException ex)
        {
            throw new CampaignHostException(ex.Message, ex) { IsStartupFailure = true };
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ApplicationName = applicationName,
            ContentRootPath = System.IO.Directory.GetCurrentDirectory(),
        });
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddConsole(o =>
        {
            o.FormatterName = SdlConsoleFormatter.FormatterName;

            // Log records go to stderr, so stdout holds only what the command prints (progress, summary) and can be piped.
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        }).AddConsoleFormatter<SdlConsoleFormatter, ConsoleFormatterOptions>();

        // A hosted service that fails to start or stop makes RunAsync throw, and the caller reports it
        // (CampaignHostException): the host's own "Hosting failed to start" would only repeat it with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        return builder;
    }
}
