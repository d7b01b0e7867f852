using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Dashboard.Live;
using SelfDrivingLab.Dashboard.Operators;
using SelfDrivingLab.Dashboard.Snapshots;
using SelfDrivingLab.Dashboard.Timeline;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Dashboard;

/// <summary>
/// The dashboard of one ledger (a SQLite file, or any store <see cref="DashboardOptions.OpenLedger"/> opens, e.g. PostgreSQL)
/// on 127.0.0.1: it opens the ledger read-only, reads it every poll interval and pushes changes
/// to open pages by server-sent events. Started by <see cref="StartAsync"/> it is a read-only view without login (whoever
/// can read the file can read the page); by <see cref="StartHostedAsync"/>, the page of a running host, where facility
/// identities sign in and operators act. Thread-safe; dispose to stop it.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILedgerStore _ledger;

    private DashboardServer(WebApplication app, ILedgerStore ledger, Uri address)
    {
        _app = app;
        _ledger = ledger;
        Address = address;
    }

    /// <summary>Where the page is, e.g. <c>http://127.0.0.1:5180/</c>.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Validates <paramref name="options"/>, opens the ledger read-only, reads it once and starts listening. Throws
    /// <see cref="DashboardStartException"/> for bad options or a port in use, and
    /// <see cref="Core.Ledger.LedgerException"/> for a file that is not a readable ledger.
    /// </summary>
    /// <param name="options">What to show and where.</param>
    /// <param name="time">The clock the ledger is polled on (default: the system's).</param>
    /// <param name="logs">Where log records go (default: warnings and errors to standard error).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<DashboardServer> StartAsync(
        DashboardOptions options,
        TimeProvider? time = null,
        ILoggerProvider? logs = null,
        CancellationToken cancellationToken = default) =>
        StartCoreAsync(options, host: null, time, logs, cancellationToken);

    /// <summary>
    /// Starts the dashboard of a running <paramref name="host"/> (<c>sdl run</c>): as <see cref="StartAsync"/>, plus sign-in
    /// with the facility's identities (a cookie), the operator's actions through the host, the host's health in
    /// <c>/healthz</c>, and the <c>SelfDrivingLab</c> metrics for Prometheus at <c>/metrics</c>. It still only reads the
    /// ledger (a read-only connection beside the host's writer). Errors as for <see cref="StartAsync"/>.
    /// </summary>
    /// <param name="options">What to show and where.</param>
    /// <param name="host">The running host: sign-in, actions, health.</param>
    /// <param name="time">The clock the ledger is polled on (default: the system's; not a campaign's virtual clock).</param>
    /// <param name="logs">Where log records go (default: warnings and errors to standard error).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static Task<DashboardServer> StartHostedAsync(
        DashboardOptions options,
        IDashboardHost host,
        TimeProvider? time = null,
        ILoggerProvider? logs = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        return StartCoreAsync(options, host, time, logs, cancellationToken);
    }

    private static async Task<DashboardServer> StartCoreAsync(
        DashboardOptions options,
        IDashboardHost? host,
        TimeProvider? time,
        ILoggerProvider? logs,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new DashboardOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new DashboardStartException(validation.FailureMessage);
        }

        var ledger = options.OpenLedger is { } open
            ? await open(cancellationToken).ConfigureAwait(false)
            : await SqliteLedger.OpenReadOnlyAsync(options.LedgerPath, cancellationToken).ConfigureAwait(false);
        WebApplication? app = null;
        try
        {
            app = Build(options, host, ledger, time ?? TimeProvider.System, logs);
            await app.Services.GetRequiredService<LedgerPoller>().PublishAsync(cancellationToken).ConfigureAwait(false);
            await Listen(app, options, cancellationToken).ConfigureAwait(false);
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
            Log.Listening(app.Services.GetRequiredService<ILogger<DashboardServer>>(), ledger.Location, address.ToString());
            return new DashboardServer(app, ledger, address);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync().ConfigureAwait(false);
            }

            await ledger.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _ledger.DisposeAsync().ConfigureAwait(false);
    }

    private static WebApplication Build(DashboardOptions options, IDashboardHost? host, ILedgerStore ledger, TimeProvider time, ILoggerProvider? logs)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Logging.ClearProviders();
        if (logs is null)
        {
            // The generic host logs a failed start (a port in use) with its stack trace; StartAsync reports it in one line instead.
            builder.Logging.AddSimpleConsole().AddFilter((category, level) =>
                level >= LogLevel.Warning && !string.Equals(category, "Microsoft.Extensions.Hosting.Internal.Host", StringComparison.Ordinal));
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }
        else
        {
            builder.Logging.AddProvider(logs);
        }

        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(ledger);
        builder.Services.AddSingleton<DashboardViewReader>();
        builder.Services.AddSingleton<ExperimentTimelineReader>();
        builder.Services.AddSingleton<ViewFeed>();
        builder.Services.AddSingleton<LedgerPoller>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LedgerPoller>());
        if (host is not null)
        {
            builder.Services.AddSingleton(host);
            builder.Services.AddDashboardSignIn();
            builder.Services.AddDashboardMetrics();
        }

        var app = builder.Build();
        if (host is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapOperators();
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        app.MapDashboard();
        return app;
    }

    private static async Task Listen(WebApplication app, DashboardOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            var reason = ex.InnerException is AddressInUseException ? "the port is in use (choose another with --port, or 0 for a free one)" : ex.Message.TrimEnd('.');
            throw new DashboardStartException($"cannot listen on 127.0.0.1:{options.Port}: {reason}", ex);
        }
    }
}
