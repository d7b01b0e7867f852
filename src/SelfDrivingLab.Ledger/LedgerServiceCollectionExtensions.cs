using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Hosting;

namespace SelfDrivingLab.Ledger;

/// <summary>Registers the SQLite ledger.</summary>
public static class LedgerServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ILedger"/> (and <see cref="IInstrumentStatusLedger"/>, <see cref="IControlAuditLedger"/> and <see cref="ILedgerTimeline"/>, the same file) as a singleton <see cref="SqliteLedger"/> at
    /// <see cref="LedgerOptions.Path"/> (default <c>.sdl/ledger.db</c>). Options are validated at start-up;
    /// the file is opened (created, migrated) by a hosted initializer when the host starts, or on first
    /// use when there is no host. The container closes the file when it is disposed.
    /// </summary>
    public static IServiceCollection AddSqliteLedger(this IServiceCollection services, Action<LedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LedgerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedgerOptions>, LedgerOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<LedgerOptions>>();
            return new DeferredLedger(async ct => await SqliteLedger.OpenAsync(path.Value.Path, ct).ConfigureAwait(false), () => Path.GetFullPath(path.Value.Path));
        });
        return services.AddDeferredLedgerServices();
    }

    /// <summary>Registers every ledger interface as the one <see cref="DeferredLedger"/> (registered first), and the initializer that opens it at start.</summary>
    internal static IServiceCollection AddDeferredLedgerServices(this IServiceCollection services)
    {
        services.TryAddSingleton<ILedger>(sp => sp.GetRequiredService<DeferredLedger>());
        services.TryAddSingleton<IInstrumentStatusLedger>(sp => sp.GetRequiredService<DeferredLedger>());
        services.TryAddSingleton<ILedgerTimeline>(sp => sp.GetRequiredService<DeferredLedger>());
        services.TryAddSingleton<IControlAuditLedger>(sp => sp.GetRequiredService<DeferredLedger>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LedgerInitializer>());
        return services;
    }
}
