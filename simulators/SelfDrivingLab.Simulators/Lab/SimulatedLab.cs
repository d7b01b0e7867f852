using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A lab of simulated instruments: one <see cref="InstrumentHost"/> per definition on the bus,
/// started and stopped together. The simulators talk only through the bus. Thread-safe; start
/// once, then dispose.
/// </summary>
public sealed class SimulatedLab : IAsyncDisposable
{
    private readonly List<InstrumentHost> _hosts = [];
    private readonly List<ExecutionLogFile> _logs = [];
    private readonly Dictionary<InstrumentId, IInstrumentDriver> _drivers = [];

    /// <summary>Builds (but does not start) one simulator and host per definition.</summary>
    public SimulatedLab(
        IEnumerable<SimulatedInstrumentDefinition> definitions,
        IMessageBusFactory busFactory,
        TimeProvider timeProvider,
        SimulatedLabOptions options,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(options);
        Site = options.Site;
        foreach (var definition in definitions)
        {
            if (_drivers.ContainsKey(definition.Id))
            {
                throw new ArgumentException($"Instrument '{definition.Id}' is defined twice.", nameof(definitions));
            }

            if (definition.Faults.Disconnect > 0 && options.ConnectionDropper is null)
            {
                throw new ArgumentException(
                    $"Instrument '{definition.Id}' has a disconnect fault rate, which needs a connection dropper ({nameof(SimulatedLabOptions)}.{nameof(SimulatedLabOptions.ConnectionDropper)}).",
                    nameof(options));
            }

            // An instrument at another site of the facility publishes under that site's topics, on that site's broker when
            // one is given (else on the lab's, standing in for every site's, as in a simulated run on one embedded broker).
            var site = definition.Site ?? Site;
            var bus = options.SiteBuses?.GetValueOrDefault(site) ?? busFactory;
            var limits = options.Limits?.GetValueOrDefault(definition.Id);
            var driver = SimulatorFactory.Create(definition, site, timeProvider, options.Seed, limits);
            ExecutionLogFile? log = null;
            if (options.ExecutionLogDirectory is { } directory)
            {
                log = new ExecutionLogFile(Path.Combine(directory, $"{definition.Id}.executions.jsonl"));
                _logs.Add(log);
            }

            _drivers[definition.Id] = driver;
            _hosts.Add(new InstrumentHost(
                new InstrumentHostOptions { Site = site.Value, Instrument = definition.Id.Value, JournalDirectory = options.JournalDirectory },
                driver,
                bus,
                timeProvider,
                loggerFactory?.CreateLogger<InstrumentHost>(),
                journal: null,
                log,
                meterFactory,
                SimulatorFactory.CreateFaultInjector(definition, site, options.Seed),
                options.ConnectionDropper));
        }
    }

    /// <summary>The lab's site: that of every instrument that names none of its own.</summary>
    public SiteId Site { get; }

    /// <summary>Each instrument's simulator (a <see cref="CharacterizationSimulator"/> exposes its ground truth).</summary>
    public IReadOnlyDictionary<InstrumentId, IInstrumentDriver> Drivers => _drivers;

    /// <summary>The hosts, one per instrument.</summary>
    public IReadOnlyList<InstrumentHost> Hosts => _hosts;

    /// <summary>Starts every instrument.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var host in _hosts)
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every instrument (aborting running actions).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var log in _logs)
        {
            log.Dispose();
        }
    }
}
