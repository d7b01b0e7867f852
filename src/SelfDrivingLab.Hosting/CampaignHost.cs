using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Hosting.Campaigns;
using SelfDrivingLab.Workflow.Campaigns;

using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Ledger.Postgres.Leases;

namespace SelfDrivingLab.Hosting;

/// <summary>
/// Runs one campaign in a generic host: embedded (or external) MQTT broker, SQLite ledger, the
/// campaign's simulated instruments, the orchestrator, and — for simulated campaigns — the virtual clock.
/// </summary>
public static class CampaignHost
{
    /// <summary>
    /// Builds the host, runs the campaign to its end and returns its summary. Start-up problems
    /// (invalid settings, an unusable ledger, an unreachable broker) throw <see cref="CampaignHostException"/>
    /// naming the problem; cancelling <paramref name="cancellationToken"/> aborts the campaign cleanly.
    /// </summary>
    public static async Task<CampaignSummary> RunAsync(CampaignHostSettings settings, ICampaignObserver? observer = null, CancellationToken cancellationToken = default) =>
        (await RunAllAsync(settings, observer, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Runs every campaign of <see cref="CampaignHostSettings.Facility"/> at once on the shared
    /// instruments and returns their summaries in the facility's order. Errors as for <see cref="RunAsync"/>.
    /// </summary>
    public static Task<IReadOnlyList<CampaignSummary>> RunAllAsync(CampaignHostSettings settings, ICampaignObserver? observer = null, CancellationToken cancellationToken = default) =>
        RunAllAsync(settings, observer, configureServices: null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAllAsync(CampaignHostSettings, ICampaignObserver?, CancellationToken)"/>, with services added to the
    /// host (e.g. the dashboard <c>sdl run</c> serves); their hosted services start once the campaign loops have started,
    /// and stop before them.
    /// </summary>
    public static async Task<IReadOnlyList<CampaignSummary>> RunAllAsync(
        CampaignHostSettings settings,
        ICampaignObserver? observer,
        Action<IServiceCollection>? configureServices,
        CancellationToken cancellationToken = default)
    {
        using var host = Build(settings, observer, configureServices);
        var completion = host.Services.GetRequiredService<CampaignCompletion>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        CampaignLeaseBook? leases = null;
        try
        {
            // Resolved now: running disposes the host. Invalid lease options throw here, as a start-up failure.
            leases = host.Services.GetService<CampaignLeaseBook>();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HostFailures.IsExpected(ex))
        {
            throw LeaseLost(leases) ?? HostFailures.Wrap($"could not run campaign '{settings.Facility.Name}'", ex, lifetime);
        }

        if (LeaseLost(leases) is { } lost)
        {
            throw lost;
        }

        if (completion.Result.IsCanceled)
        {
            // Stopped (SIGTERM, Ctrl-C) while the campaigns were being set up, before their loops ran: nothing is lost.
            throw new CampaignHostException($"campaign '{settings.Facility.Name}' was stopped before it started; run it again to resume it");
        }

        if (!completion.Result.IsCompleted)
        {
            throw new CampaignHostException($"campaign '{settings.Facility.Name}' did not start: the host stopped first.");
        }

        try
        {
            return await completion.Result.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CampaignHostException($"campaign '{settings.Facility.Name}' stopped with an error: {ex.Message}", ex);
        }
    }

    // Another host took a campaign over (its lease expired here): this host stopped without marking anything, in one line.
    private static CampaignHostException? LeaseLost(CampaignLeaseBook? leases) =>
        leases?.LostReason is { } reason
            ? new CampaignHostException($"this host stopped: {reason}. The campaign goes on under its new owner; nothing was marked interrupted or aborted here.")
            : null;

    /// <summary>Builds (without starting) the host that runs the campaign; its <see cref="CampaignRunner"/> starts when the host starts.</summary>
    public static IHost Build(CampaignHostSettings settings, ICampaignObserver? observer = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = SdlHostBuilder.Create("sdl", settings.LogLevel);
        if (settings is { UseConfiguredLedger: true, LedgerConnectionString: null }
            && builder.Configuration[$"{PostgresLedgerOptions.SectionName}:{nameof(PostgresLedgerOptions.ConnectionString)}"] is { Length: > 0 } configured)
        {
            settings = settings with { LedgerConnectionString = configured };
        }

        builder.Services.AddSelfDrivingLabCampaign(settings, observer, builder.Configuration);
        // Added hosted services start after the campaign loops have started (a view such as the dashboard never delays the
        // campaign), and stop before them.
        configureServices?.Invoke(builder.Services);

        return builder.Build();
    }
}
