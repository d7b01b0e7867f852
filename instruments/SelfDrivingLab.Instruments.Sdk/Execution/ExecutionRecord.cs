using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// One physical execution of an action: proof of what ran, when and how it ended. Immutable. A record
/// with a <see cref="Fault"/> of <see cref="InjectedFault.Reject"/> or <see cref="InjectedFault.Hang"/>
/// marks an injected fault where the driver was never called.
/// </summary>
/// <param name="Instrument">The instrument that ran it.</param>
/// <param name="CommandId">The command executed.</param>
/// <param name="Action">The capability run.</param>
/// <param name="Parameters">The parameters it ran with.</param>
/// <param name="StartedAt">When the driver was called.</param>
/// <param name="FinishedAt">When the driver returned or threw.</param>
/// <param name="Outcome">Completed, failed or aborted.</param>
/// <param name="Error">The error code of a failed (or rejected) execution.</param>
/// <param name="Fault">The fault injected into this command, if any, so tests can tell injected faults from real behaviour.</param>
/// <param name="Experiment">The experiment the command belongs to, when the command said.</param>
/// <param name="Results">What a completed execution produced (the results of its final event).</param>
public sealed record ExecutionRecord(
    InstrumentId Instrument,
    CommandId CommandId,
    string Action,
    ParameterSet Parameters,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    InstrumentEventKind Outcome,
    string? Error = null,
    InjectedFault? Fault = null,
    ExperimentId? Experiment = null,
    ParameterSet? Results = null);
