using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>How a <see cref="SimulatedLab"/> runs its instruments. Immutable.</summary>
/// <param name="Site">The site of every simulated instrument that names none of its own (its definition's <c>Site</c>).</param>
/// <param name="Seed">Base seed; each instrument derives its own (default 0).</param>
/// <param name="ExecutionLogDirectory">When set, each instrument appends its executions to <c>{instrument}.executions.jsonl</c> here.</param>
/// <param name="Limits">Parameter limits per instrument (e.g. from the campaign's search space); absent means unconstrained.</param>
/// <param name="ConnectionDropper">
/// Cuts instrument connections for <c>disconnect</c> faults (e.g. an <see cref="EmbeddedBrokerConnectionDropper"/>);
/// required when any instrument has a disconnect rate.
/// </param>
/// <param name="JournalDirectory">
/// When set, each instrument keeps its command ids in a durable journal here (<c>{site}.{instrument}.journal.jsonl</c>),
/// so a restarted simulator process never runs a re-sent command again; otherwise they are kept in memory.
/// </param>
/// <param name="SiteBuses">
/// The brokers of the facility's other sites: an instrument at a site listed here connects through its factory; any other
/// instrument through the lab's own (default none: one broker for every site).
/// </param>
public sealed record SimulatedLabOptions(
    SiteId Site,
    int Seed = 0,
    string? ExecutionLogDirectory = null,
    IReadOnlyDictionary<InstrumentId, IReadOnlyList<ParameterLimit>>? Limits = null,
    IConnectionDropper? ConnectionDropper = null,
    string? JournalDirectory = null,
    IReadOnlyDictionary<SiteId, IMessageBusFactory>? SiteBuses = null);
