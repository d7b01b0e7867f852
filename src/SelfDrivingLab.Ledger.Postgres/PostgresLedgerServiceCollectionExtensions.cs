using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Hosting;
using SelfDrivingLab.Ledger.Postgres.Leases;

namespace SelfDrivingLab.Ledger.Postgres;

/// <summary>Registers the PostgreSQL ledger.</summary>
public static class PostgresLedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILedger"/> (and <see cref="IInstrumentStatusLedger"/>, <see cref="IControlAuditLedger"/> and
    /// <see cref="ILedgerTimeline"/>, the same ledger) as a <see cref="PostgresLedger"/> at <see cref="PostgresLedgerOptions"/>'
    /// location, instead of the SQLite file of <see cref="LedgerServiceCollectionExtensions.AddSqliteLedger"/>. Options are
    /// validated at start-up; when a <see cref="CampaignLeaseBook"/> is registered the ledger is fenced by it; the schema is created or migrated by a hosted initializer when the host starts (or on first use
    /// without a host). The container closes the connections when it is disposed. Several hosts may share the ledger, each
    /// writing only the campaigns whose lease its book holds.
    /// </summary>
    public static IServiceCollection AddPostgresLedger(this IServiceCollection services, Action<PostgresLedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PostgresLedgerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresLedgerOptions>, PostgresLedgerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresLedgerOptions>, PostgresLedgerLocationValidator>());
        services.TryAddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<PostgresLedgerOptions>>();
            var logger = sp.GetService<ILogger<PostgresLedger>>() ?? (ILogger)NullLogger.Instance;
            return new DeferredLedger(
                async ct =>
                {
                    // A host that leases its campaigns registers its lease book: then every campaign write is fenced by it.
                    var ledger = sp.GetService<CampaignLeaseBook>() is { } leases
                        ? await PostgresLedger.OpenAsync(settings.Value.Location(), leases, ct).ConfigureAwait(false)
                        : await PostgresLedger.OpenAsync(settings.Value.Location(), ct).ConfigureAwait(false);
                    if (ledger.FoundVersion == 0)
                    {
                        Log.SchemaCreated(logger, ledger.Location, ledger.SchemaVersion);
                    }
                    else if (ledger.FoundVersion < ledger.SchemaVersion)
                    {
                        Log.SchemaUpgraded(logger, ledger.Location, ledger.FoundVersion, ledger.SchemaVersion);
                    }

                    return ledger;
                },
                () => settings.Value.Location().ToString());
        });
        return services.AddDeferredLedgerServices();
    }
}
