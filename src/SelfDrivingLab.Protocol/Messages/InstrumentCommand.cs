using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>
/// A command to an instrument, published on its command topic. A command id is executed at most
/// once: an instrument that sees it again repeats its latest event instead. Immutable.
/// </summary>
/// <param name="Type">Execute, abort or status.</param>
/// <param name="CommandId">Correlates every event about this command.</param>
/// <param name="Action">The capability to run (execute only).</param>
/// <param name="Parameters">The action's parameters (execute only).</param>
/// <param name="IssuedAt">When the orchestrator issued it.</param>
/// <param name="Deadline">When the orchestrator stops waiting; an instrument should refuse a command already past it.</param>
/// <param name="ExperimentId">The experiment served, for the instrument's logs.</param>
/// <param name="CampaignId">The campaign served, for the instrument's logs.</param>
/// <param name="Protocol">Protocol version, <see cref="ProtocolVersion.Current"/>.</param>
public sealed record InstrumentCommand(
    CommandType Type,
    CommandId CommandId,
    string? Action,
    ParameterSet? Parameters,
    DateTimeOffset IssuedAt,
    DateTimeOffset? Deadline,
    ExperimentId? ExperimentId = null,
    CampaignId? CampaignId = null,
    string Protocol = ProtocolVersion.Current);
