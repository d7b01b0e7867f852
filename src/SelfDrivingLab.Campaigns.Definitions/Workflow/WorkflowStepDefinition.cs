using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// One step of the experiment workflow: a command to an instrument offering <paramref name="Capability"/>, or the sample
/// shipped to another site (<see cref="Transfer"/>; made with <see cref="ForTransfer"/>). Immutable.
/// </summary>
/// <param name="Name">Step name, unique in the workflow (becomes a workflow state).</param>
/// <param name="Capability">Instrument action the step invokes.</param>
/// <param name="Parameters">How each command parameter is filled.</param>
/// <param name="Deadline">How long the orchestrator waits for the final event before the step fails.</param>
public sealed record WorkflowStepDefinition(
    string Name,
    string Capability,
    IReadOnlyDictionary<string, ParameterBinding> Parameters,
    TimeSpan Deadline)
{
    /// <summary>How a failed or timed-out command is sent again (default null: never). Applied only when the instrument declares the action idempotent.</summary>
    public StepRetryPolicy? Retry { get; init; }

    /// <summary>What happens once the step has failed and its retries are used up (default <see cref="StepFailurePolicy.FailExperiment"/>).</summary>
    public StepFailurePolicy OnFailure { get; init; } = StepFailurePolicy.FailExperiment;

    /// <summary>When the step is skipped, judged on an earlier step's outputs (default null: always run).</summary>
    public StepSkipCondition? SkipIf { get; init; }

    /// <summary>
    /// The site whose instruments run the step (YAML <c>site:</c>; default null: any site whose link is up, the
    /// campaign's own site first).
    /// </summary>
    public SiteId? Site { get; init; }

    /// <summary>
    /// The sample shipped to another site instead of a command (YAML <c>transfer: { to: lab-b, duration: 2h }</c>; default
    /// null: a command step). A transfer step has no capability or parameters; its duration is also its deadline.
    /// </summary>
    public SampleTransfer? Transfer { get; init; }

    /// <summary>A transfer step: the sample shipped to <see cref="SampleTransfer.To"/>, taking its duration.</summary>
    public static WorkflowStepDefinition ForTransfer(string name, SampleTransfer transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return new(name, string.Empty, new Dictionary<string, ParameterBinding>(), transfer.Duration) { Transfer = transfer };
    }
}
