using System.Text.Json.Serialization;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Protocol.Messages;

/// <summary>An event about a command, published by the instrument on its event topic. Immutable.</summary>
/// <param name="Kind">Accepted, progress, completed, failed, rejected, aborted or unknown.</param>
/// <param name="CommandId">The command it is about.</param>
/// <param name="Instrument">The instrument that sent it.</param>
/// <param name="At">When the instrument sent it.</param>
/// <param name="Progress">Fraction done in [0, 1] (progress events).</param>
/// <param name="Results">Measured outputs (completed events).</param>
/// <param name="Error">Machine-readable error code (failed or rejected events), e.g. <c>limit_violation</c>.</param>
/// <param name="Message">Human-readable detail.</param>
/// <param name="Protocol">Protocol version, <see cref="ProtocolVersion.Current"/>.</param>
public sealed record InstrumentEvent(
    InstrumentEventKind Kind,
    CommandId CommandId,
    InstrumentId Instrument,
    DateTimeOffset At,
    double? Progress = null,
    ParameterSet? Results = null,
    string? Error = null,
    string? Message = null,
    string Protocol = ProtocolVersion.Current)
{
    /// <summary>True for completed, failed, rejected and aborted: nothing more will come about the command.</summary>
    [JsonIgnore]
    public bool IsFinal => Kind is InstrumentEventKind.Completed or InstrumentEventKind.Failed or InstrumentEventKind.Rejected or InstrumentEventKind.Aborted;
}
