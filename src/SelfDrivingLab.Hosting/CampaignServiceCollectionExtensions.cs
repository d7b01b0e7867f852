using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Hosting.Campaigns;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Hosting.Orchestration;
using SelfDrivingLab.Hosting.Security;
using SelfDrivingLab.Hosting.Simulation;
using SelfDrivingLab.Hosting.Telemetry;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Ledger.Postgres.Leases;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Simulators;
using SelfDrivingLab.Transport.Mqtt;
using SelfDrivingLab.Transport.Mqtt.Security;
using SelfDrivingLab.Protocol.Security;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Control;
using SelfDrivingLab.Workflow.Experiments;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Hosting;

/// <summary>Registers everything one campaign needs, in start-up order.</summary>
public static class CampaignServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ledger's one-writer lock (taken first when the host starts), the clock, the MQTT transport (embedded broker unless <see cref="CampaignHostSettings.Broker"/>),
    /// the SQLite ledger, the campaign's simulated instruments, the orchestrator connection, and the
    /// campaign service. Hosted services start in that order. A definition that does not pass the campaign validator
    /// (however it was made) is refused here, with every problem listed, before anything is registered.
    /// </summary>
    /// <exception cref="CampaignHostException">The facility or a campaign of it is not valid (a start-up failure).</exception>
    public static IServiceCollection AddSelfDrivingLabCampaign(this IServiceCollection services, CampaignHostSettings settings, ICampaignObserver? observer = null, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var facility = settings.Facility;
        DefinitionCheck.ThrowIfInvalid(facility);
        if (settings.ExternalInstruments && (settings.Broker is null || settings.VirtualTime))
        {
            // Instruments in another process can reach neither an embedded broker nor this process's virtual clock.
            throw new ArgumentException("External instruments need an external broker and the wall clock (real time).", nameof(settings));
        }

        if (settings.Broker is not null && settings.VirtualTime)
        {
            // The virtual clock jumps when nothing in this process works; a message held inside another
            // process (the broker) is invisible to it, so steps would time out before their results arrive.
            throw new ArgumentException("An external broker needs the wall clock (real time): the virtual clock cannot see messages held by another process.", nameof(settings));
        }

        // First of all: a second host on the same ledger is refused before it starts or touches anything.
        services.AddLedgerWriterLock(settings, $"sdl campaign host of '{facility.Name}'");
        services.AddCampaignOptions();
        if (settings.VirtualTime)
        {
            // The clock starts at the real time so ledger timestamps look like lab times, or later, where
            // the ledger already is (VirtualClockContinuation).
            var clock = new VirtualTimeProvider(TimeProvider.System.GetUtcNow());
            services.AddSingleton(clock);
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IWorkTracker>(clock);
            services.AddHostedService<VirtualClockService>();
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<IWorkTracker>(NoWorkTracker.Instance);
        }

        if (settings.Broker is null)
        {
            // The embedded broker admits only the facility's identities, each with a password made for this run.
            // It stands in for every site's broker: instruments at other sites (simulators with a site:) use it too.
            services.AddSingleton(EmbeddedBrokerAccess.For(new AccessPolicy(facility.Site, FacilityAccess.Of(facility), facility.OtherSites.Select(s => s.Id), oneBrokerForAllSites: true)));
        }

        services.AddSdlMqtt(o =>
        {
            if (settings.Broker is { } broker)
            {
                ExternalBrokerOptions.Apply(o, settings, broker);
            }

            if (settings.BrokerConnectTimeout is { } timeout)
            {
                o.StartupConnectTimeout = timeout;
            }
        });
        if (!settings.ExternalInstruments)
        {
            // Before the ledger is opened: a refused start writes nothing.
            services.AddInstrumentPresenceCheck(settings);
        }

        services.AddCampaignLedger(settings);
        // Right after the ledger opens, before any instrument or campaign starts: a refused resume writes nothing.
        services.AddHostedService(provider => new CampaignResumeCheck(provider.GetRequiredService<ILedger>(), facility, settings.AcceptChanges));
        if (settings.VirtualTime)
        {
            services.AddHostedService<VirtualClockContinuation>();
        }

        if (!settings.ExternalInstruments)
        {
            services.AddSelfDrivingLabSimulators(settings);
        }

        // Hosts sharing a PostgreSQL ledger may share a broker and a site: each needs MQTT client ids of its own, since a broker
        // drops the older of two sessions with one id (they would evict each other for ever). Commands in flight when a host
        // dies are reconciled by their ids by whichever host resumes the campaign, not by the MQTT session.
        var clientSuffix = settings.LedgerConnectionString is null ? string.Empty : $"-{Environment.MachineName}-{Environment.ProcessId}";
        services.AddSingleton(new OrchestratorIdentity($"sdl-orchestrator-{facility.Site}{clientSuffix}"));
        // One count of refused inbound messages for every path (events, availability, capabilities).
        services.AddSingleton(new InboundRejectionCounter());
        services.AddSingleton(provider => new InstrumentDirectory(provider.GetService<ILogger<InstrumentDirectory>>(), provider.GetRequiredService<InboundRejectionCounter>(), provider.GetRequiredService<IWorkTracker>()));
        services.AddSingleton<ILateEventSink>(provider => new LedgerLateEventSink(provider.GetRequiredService<ILedger>()));
        services.AddSingleton(provider => new InstrumentCommandClient(
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<InstrumentCommandClient>>(),
            provider.GetRequiredService<ILateEventSink>(),
            provider.GetRequiredService<InboundRejectionCounter>(),
            provider.GetRequiredService<InstrumentDirectory>(),
            provider.GetRequiredService<IWorkTracker>()));
        services.AddSingleton<OrchestratorConnection>();
        services.AddHostedService(provider => provider.GetRequiredService<OrchestratorConnection>());
        services.AddSingleton(provider => new HostHealth(provider.GetRequiredService<OrchestratorConnection>(), provider.GetRequiredService<ILedgerTimeline>(), settings.LedgerPath));

        services.AddSingleton(provider => new PooledInstrumentGateway(
            provider.GetRequiredService<InstrumentDirectory>(),
            provider.GetRequiredService<InstrumentCommandClient>(),
            provider.GetRequiredService<TimeProvider>(),
            settings.InstrumentWaitTimeout,
            new InstrumentQuarantineOptions { ConsecutiveFailures = settings.QuarantineAfterFailures },
            provider.GetRequiredService<IInstrumentStatusLedger>(),
            provider.GetService<ILogger<PooledInstrumentGateway>>(),
            provider.GetRequiredService<IWorkTracker>())
        {
            // Only the facility's instruments, for what they were registered for, until an operator admits more.
            Registered = FacilityAdmission.Of(facility),
            LocalSite = facility.Site,
        });
        services.AddSingleton<IInstrumentGateway>(provider => provider.GetRequiredService<PooledInstrumentGateway>());
        services.AddSingleton<IInstrumentServiceControl>(provider => new GatewayServiceControl(provider.GetRequiredService<PooledInstrumentGateway>(), facility.Site));
        services.AddSingleton(provider => new CampaignControl(provider.GetRequiredService<TimeProvider>(), provider.GetService<ILogger<CampaignControl>>(), provider.GetRequiredService<IWorkTracker>()));
        services.AddSingleton<IExperimentGate>(provider => provider.GetRequiredService<CampaignControl>());
        services.AddSingleton(provider => new ControlRequestHandler(provider.GetRequiredService<CampaignControl>(), provider.GetService<IInstrumentServiceControl>(), FacilityAccess.Of(facility)));
        services.AddSingleton(provider => new ControlAuditRecorder(
            provider.GetRequiredService<IControlAuditLedger>(),
            provider.GetRequiredService<ILedger>(),
            provider.GetRequiredService<CampaignControl>(),
            provider.GetRequiredService<TimeProvider>(),
            facility.Site.Value));
        services.AddSingleton(provider => new InProcessControl(
            provider.GetRequiredService<ControlRequestHandler>(),
            provider.GetRequiredService<ControlAuditRecorder>(),
            provider.GetRequiredService<ILogger<InProcessControl>>()));
        services.AddHostedService(provider => new ControlChannelService(
            provider.GetRequiredService<IMessageBusFactory>(),
            provider.GetRequiredService<ControlRequestHandler>(),
            () => settings.Broker is { } external
                ? new ControlEndpoint(external.Host, external.Port, facility.Site.Value, Environment.ProcessId, external.Tls)
                : EmbeddedBrokerFiles.Write(provider.GetRequiredService<EmbeddedMqttBroker>(), facility, settings.LedgerPath),
            settings.LedgerPath,
            $"sdl-control-{facility.Site}{clientSuffix}",
            provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            provider.GetRequiredService<ILogger<ControlChannelService>>(),
            provider.GetRequiredService<ControlAuditRecorder>()));
        services.AddSingleton<ExperimentRunner>();
        services.AddSingleton(provider => new CampaignRunner(
            provider.GetRequiredService<ILedger>(),
            provider.GetRequiredService<ExperimentRunner>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<IWorkTracker>(),
            provider.GetRequiredService<ILogger<CampaignRunner>>(),
            provider.GetRequiredService<CampaignControl>())
        {
            AcceptChanges = settings.AcceptChanges,
            StopGracePeriod = provider.GetRequiredService<IOptions<CampaignOptions>>().Value.StopGracePeriod,
            // A stop request bounds the wall time the process takes to exit; on the virtual clock the commands in flight meanwhile finish in virtual time.
            StopClock = TimeProvider.System,
        });
        services.AddSingleton<CampaignCompletion>();
        services.AddSingleton(facility);
        // The campaign metrics see every finished experiment before the caller's observer does; OTLP export when configured.
        services.AddSdlTelemetry(configuration ?? new ConfigurationBuilder().Build(), observer);

        services.AddHostedService<CampaignService>();
        return services;
    }

    /// <summary>
    /// Registers what makes this host the only writer of its campaigns, taken when the host starts: the file lock of a SQLite
    /// ledger (one host per file); on a PostgreSQL one (<see cref="CampaignHostSettings.LedgerConnectionString"/>), a lease per
    /// campaign with a heartbeat (<see cref="CampaignLeaseService"/>, <see cref="CampaignLeaseOptions"/>), whose book fences every
    /// campaign write of the ledger, so several hosts share the ledger, each for its own campaigns.
    /// </summary>
    internal static IServiceCollection AddLedgerWriterLock(this IServiceCollection services, CampaignHostSettings settings, string purpose)
    {
        if (settings.LedgerConnectionString is null)
        {
            return services.AddHostedService(_ => new LedgerLockService(_ => Task.FromResult<IDisposable>(LedgerLock.Acquire(settings.LedgerPath, purpose))));
        }

        services.AddOptions<CampaignLeaseOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(CampaignLeaseOptions.SectionName).Bind(o))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignLeaseOptions>, CampaignLeaseOptionsValidator>());
        // Leases live on the server's clock and the wall clock, never on a simulated campaign's virtual clock.
        services.AddSingleton(provider => new CampaignLeaseBook(
            CampaignLeaseBook.OwnerName(TimeProvider.System), provider.GetRequiredService<IOptions<CampaignLeaseOptions>>().Value.LeaseDuration, TimeProvider.System));
        return services.AddHostedService(provider => new CampaignLeaseService(
            provider.GetRequiredService<CampaignLeaseBook>(),
            provider.GetRequiredService<IOptions<PostgresLedgerOptions>>().Value.Location(),
            [.. settings.Facility.Campaigns.Select(c => c.Name)],
            provider.GetRequiredService<IOptions<CampaignLeaseOptions>>().Value,
            settings.Standby,
            TimeProvider.System,
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<CampaignLeaseService>>()));
    }

    /// <summary>
    /// Registers the campaign's ledger: the SQLite file at <see cref="CampaignHostSettings.LedgerPath"/>, or the PostgreSQL ledger of
    /// <see cref="CampaignHostSettings.LedgerConnectionString"/> (its password from <c>Ledger:Password</c> when the string has none).
    /// </summary>
    internal static IServiceCollection AddCampaignLedger(this IServiceCollection services, CampaignHostSettings settings)
    {
        if (settings.LedgerConnectionString is not { } connectionString)
        {
            return services.AddSqliteLedger(o => o.Path = settings.LedgerPath);
        }

        services.AddOptions<PostgresLedgerOptions>().Configure<IServiceProvider>((o, provider) =>
            o.Password = provider.GetService<IConfiguration>()?[$"{PostgresLedgerOptions.SectionName}:{nameof(PostgresLedgerOptions.Password)}"] ?? o.Password);
        return services.AddPostgresLedger(o => o.ConnectionString = connectionString);
    }

    /// <summary>
    /// Registers <see cref="CampaignOptions"/> (bound from the <c>Campaign</c> section, validated at start-up) and gives the
    /// host's shutdown the stop grace period on top of its own timeout, so stopping services wait for the campaign loop.
    /// </summary>
    internal static IServiceCollection AddCampaignOptions(this IServiceCollection services)
    {
        services.AddOptions<CampaignOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(CampaignOptions.SectionName).Bind(o))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignOptions>, CampaignOptionsValidator>());
        services.AddOptions<HostOptions>().Configure<IServiceProvider>((host, provider) =>
        {
            // The host reads its options when it is built, before options are validated (at start): invalid ones are
            // reported then, by name, and must not throw here.
            var grace = CampaignRunner.DefaultStopGracePeriod;
            try
            {
                grace = provider.GetRequiredService<IOptions<CampaignOptions>>().Value.StopGracePeriod;
            }
            catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
            {
                // Refused when the host starts.
            }

            host.ShutdownTimeout = SdlHostBuilder.ShutdownTimeout + grace;
        });
        return services;
    }

    /// <summary>
    /// On an external broker, registers the check that no other process already announces one of the
    /// facility's simulated instruments online; the host then refuses to start, naming it. Register it
    /// after the MQTT transport and before the simulators.
    /// </summary>
    internal static IServiceCollection AddInstrumentPresenceCheck(this IServiceCollection services, CampaignHostSettings settings)
    {
        if (settings.Broker is { } broker && settings.Facility.Simulators.Count > 0)
        {
            // With --site, the instruments of that site on its own broker: the check looks there.
            var facility = settings.SimulatorSite is { } site
                ? settings.Facility with { Site = site, Simulators = SimulatorsToRun(settings) }
                : settings.Facility;
            services.AddHostedService(provider => new InstrumentPresenceCheck(
                provider.GetRequiredService<IMessageBusFactory>(), facility, broker, provider.GetRequiredService<TimeProvider>()));
        }

        return services;
    }

    /// <summary>
    /// Registers the facility's simulated instruments (one MQTT client each, started and stopped with
    /// the host), seeded and limited exactly as a campaign run would; needs the clock and the MQTT
    /// transport registered. Used by the campaign host and by the simulators-only host.
    /// </summary>
    public static IServiceCollection AddSelfDrivingLabSimulators(this IServiceCollection services, CampaignHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var facility = settings.Facility;
        if (facility.Simulators.Count == 0)
        {
            return services;
        }

        services.AddSingleton(provider => new SimulatedLab(
            SimulatorsToRun(settings),
            provider.GetRequiredService<IMessageBusFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            new SimulatedLabOptions(
                facility.Site,
                settings.Definition.Seed,
                settings.ExecutionLogDirectory,
                SimulatorLimitsFromSpace.Build(facility),
                // Disconnect faults cut a simulator's connection at the broker, as a network failure would.
                settings.Broker is null ? new EmbeddedBrokerConnectionDropper(provider.GetRequiredService<EmbeddedMqttBroker>()) : null,
                settings.JournalDirectory,
                // One site's instruments (--site) all use the broker given, their own site's.
                settings.Broker is null || settings.SimulatorSite is not null ? null : SiteBrokers.Factories(facility, provider)),
            provider.GetService<ILoggerFactory>()));
        services.AddHostedService<SimulatedInstrumentsService>();
        return services;
    }

    // The simulated instruments this process runs: all of them, or those standing at CampaignHostSettings.SimulatorSite.
    private static IReadOnlyList<SimulatedInstrumentDefinition> SimulatorsToRun(CampaignHostSettings settings) =>
        settings.SimulatorSite is { } site
            ? [.. settings.Facility.Simulators.Where(s => (s.Site ?? settings.Facility.Site) == site)]
            : settings.Facility.Simulators;
}
