namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>One transition of an experiment's machine.</summary>
/// <param name="From">State left.</param>
/// <param name="To">State entered.</param>
/// <param name="Trigger">What fired it.</param>
/// <param name="Detail">Optional detail (failure reason).</param>
public sealed record ExperimentTransition(string From, string To, ExperimentTrigger Trigger, string? Detail);
