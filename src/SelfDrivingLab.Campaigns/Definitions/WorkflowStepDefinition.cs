namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>One step of the experiment workflow: a command to an instrument offering <paramref name="Capability"/>.</summary>
/// <param name="Name">Step name, unique in the workflow (becomes a workflow state).</param>
/// <param name="Capability">Instrument action the step invokes.</param>
/// <param name="Parameters">How each command parameter is filled.</param>
/// <param name="Deadline">How long the orchestrator waits for the final event before the step fails.</param>
public sealed record WorkflowStepDefinition(
    string Name,
    string Capability,
    IReadOnlyDictionary<string, ParameterBinding> Parameters,
    TimeSpan Deadline);
