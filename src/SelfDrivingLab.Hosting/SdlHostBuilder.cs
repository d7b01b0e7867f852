using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Hosting;

/// <summary>The generic-host builder every sdl process starts from: no command-line configuration, the log level and shutdown timeout of the settings.</summary>
internal static class SdlHostBuilder
{
    /// <summary>How long hosted services get to stop (instruments announce offline, the ledger flushes).</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(15);

    public static HostApplicationBuilder Create(string applicationName, LogLevel logLevel)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ApplicationName = applicationName,
            ContentRootPath = System.IO.Directory.GetCurrentDirectory(),
        });
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        return builder;
    }
}
