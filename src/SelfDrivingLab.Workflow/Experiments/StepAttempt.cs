using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>One command sent for a step, and how it ended. Immutable.</summary>
/// <param name="CommandId">The command's id.</param>
/// <param name="Site">The site of the instrument that ran it.</param>
/// <param name="Instrument">The instrument that ran it.</param>
/// <param name="Idempotent">Whether that instrument declares the action idempotent.</param>
/// <param name="Result">How it ended.</param>
/// <param name="AbortConfirmed">False when it timed out and the instrument did not answer the abort in time: it may still be running.</param>
internal sealed record StepAttempt(CommandId CommandId, SiteId Site, InstrumentId Instrument, bool Idempotent, StepCommandResult Result, bool AbortConfirmed = true);
