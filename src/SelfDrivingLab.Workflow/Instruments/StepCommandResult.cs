using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>The outcome of one step command.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Results">The instrument's results when completed.</param>
/// <param name="Error">Machine-readable error code otherwise.</param>
/// <param name="Message">Human-readable detail.</param>
public sealed record StepCommandResult(StepCommandStatus Status, ParameterSet? Results, string? Error = null, string? Message = null);
