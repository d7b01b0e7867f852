using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>One physical execution of an action: proof of what ran, when and how it ended. Immutable.</summary>
/// <param name="Instrument">The instrument that ran it.</param>
/// <param name="CommandId">The command executed.</param>
/// <param name="Action">The capability run.</param>
/// <param name="Parameters">The parameters it ran with.</param>
/// <param name="StartedAt">When the driver was called.</param>
/// <param name="FinishedAt">When the driver returned or threw.</param>
/// <param name="Outcome">Completed, failed or aborted.</param>
/// <param name="Error">The error code of a failed execution.</param>
public sealed record ExecutionRecord(
    InstrumentId Instrument,
    CommandId CommandId,
    string Action,
    ParameterSet Parameters,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    InstrumentEventKind Outcome,
    string? Error = null);
