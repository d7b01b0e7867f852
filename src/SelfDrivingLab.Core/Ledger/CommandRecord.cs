using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Core.Ledger;

/// <summary>A command sent to an instrument, written before it is published.</summary>
/// <param name="Id">The command id (the instrument deduplicates on it).</param>
/// <param name="ExperimentId">The experiment the command serves.</param>
/// <param name="Instrument">The instrument it was sent to.</param>
/// <param name="Step">The workflow step name.</param>
/// <param name="Action">The instrument capability invoked.</param>
/// <param name="Parameters">The command's parameters.</param>
/// <param name="SentAt">When it was sent.</param>
/// <param name="Deadline">When the orchestrator gives up on it.</param>
public sealed record CommandRecord(
    CommandId Id,
    ExperimentId ExperimentId,
    InstrumentId Instrument,
    string Step,
    string Action,
    ParameterSet Parameters,
    DateTimeOffset SentAt,
    DateTimeOffset Deadline)
{
    /// <summary>
    /// The site of the instrument it was sent to (schema 6; default null: the campaign's own site, as for every command
    /// recorded before the facility had several sites). A restarted host reconciles the command at this site, even when the
    /// step names none.
    /// </summary>
    public SiteId? Site { get; init; }
}
