using SelfDrivingLab.Campaigns.Definitions;
using Stateless;
using Stateless.Graph;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// The Stateless machine of one experiment, generated from the workflow steps:
/// Proposed → [AwaitingApproval →] step 1 → … → step n → Completed, any step → Failed, any
/// non-terminal state → Aborted; a step with <c>skip_if</c> also has a Skip transition to the next
/// state; AwaitingApproval leaves by Approve (first step) or Reject (Aborted). Retries stay inside
/// the step state (they are ledger events, not transitions).
/// The state lives outside the machine (accessor/mutator) so it can be restored from the ledger.
/// Not thread-safe: one owner (the experiment's run loop) fires every trigger.
/// </summary>
public sealed class ExperimentStateMachine
{
    private readonly StateMachine<string, ExperimentTrigger> _machine;
    private string _state;

    /// <summary>Builds the machine in <paramref name="initialState"/>; <paramref name="onTransitioned"/> runs (and is awaited) on every transition before <see cref="FireAsync"/> returns.</summary>
    public ExperimentStateMachine(
        IReadOnlyList<WorkflowStepDefinition> steps,
        string initialState = ExperimentStates.Proposed,
        Func<ExperimentTransition, Task>? onTransitioned = null,
        bool requiresApproval = false)
    {
        if (steps.Count == 0)
        {
            throw new ArgumentException("A workflow needs at least one step.", nameof(steps));
        }

        foreach (var step in steps)
        {
            if (ExperimentStates.IsReserved(step.Name))
            {
                throw new ArgumentException($"Step name '{step.Name}' is reserved for a workflow state.", nameof(steps));
            }
        }

        Steps = steps;
        _state = initialState;
        _machine = new StateMachine<string, ExperimentTrigger>(() => _state, s => _state = s);
        // An experiment the ledger holds in AwaitingApproval keeps that state even if the gate's policy changed since.
        Configure(steps, requiresApproval || initialState == ExperimentStates.AwaitingApproval);
        if (onTransitioned is not null)
        {
            _machine.OnTransitionedAsync(t => onTransitioned(new ExperimentTransition(t.Source, t.Destination, t.Trigger, PendingDetail)));
        }
    }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<WorkflowStepDefinition> Steps { get; }

    /// <summary>The current state.</summary>
    public string State => _state;

    /// <summary>True once Completed, Failed or Aborted.</summary>
    public bool IsTerminal => ExperimentStates.IsTerminal(_state);

    /// <summary>The step being run, or null outside a step state.</summary>
    public WorkflowStepDefinition? CurrentStep => Steps.FirstOrDefault(s => s.Name == _state);

    private string? PendingDetail { get; set; }

    /// <summary>Renders a workflow's machine as a Mermaid state diagram.</summary>
    public static string ToMermaid(IReadOnlyList<WorkflowStepDefinition> steps) => ToMermaid(steps, requiresApproval: false);

    /// <summary>Renders a workflow's machine as a Mermaid state diagram, with the AwaitingApproval state when <paramref name="requiresApproval"/>.</summary>
    public static string ToMermaid(IReadOnlyList<WorkflowStepDefinition> steps, bool requiresApproval) =>
        MermaidGraph.Format(new ExperimentStateMachine(steps, requiresApproval: requiresApproval)._machine.GetInfo());

    /// <summary>True when <paramref name="trigger"/> is allowed now.</summary>
    public bool CanFire(ExperimentTrigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires <paramref name="trigger"/>; <paramref name="detail"/> (e.g. a failure reason) reaches the transition callback.</summary>
    public async Task FireAsync(ExperimentTrigger trigger, string? detail = null)
    {
        if (!_machine.CanFire(trigger))
        {
            throw new InvalidOperationException($"Trigger {trigger} is not allowed in state '{_state}'.");
        }

        PendingDetail = detail;
        try
        {
            await _machine.FireAsync(trigger).ConfigureAwait(false);
        }
        finally
        {
            PendingDetail = null;
        }
    }

    private void Configure(IReadOnlyList<WorkflowStepDefinition> steps, bool requiresApproval)
    {
        _machine.Configure(ExperimentStates.Proposed)
            .Permit(ExperimentTrigger.Start, requiresApproval ? ExperimentStates.AwaitingApproval : steps[0].Name)
            .Permit(ExperimentTrigger.Abort, ExperimentStates.Aborted);

        if (requiresApproval)
        {
            _machine.Configure(ExperimentStates.AwaitingApproval)
                .Permit(ExperimentTrigger.Approve, steps[0].Name)
                .Permit(ExperimentTrigger.Reject, ExperimentStates.Aborted)
                .Permit(ExperimentTrigger.Abort, ExperimentStates.Aborted);
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var next = i + 1 < steps.Count ? steps[i + 1].Name : ExperimentStates.Completed;
            var state = _machine.Configure(steps[i].Name)
                .Permit(ExperimentTrigger.StepSucceeded, next)
                .Permit(ExperimentTrigger.StepFailed, ExperimentStates.Failed)
                .Permit(ExperimentTrigger.Abort, ExperimentStates.Aborted);
            if (steps[i].SkipIf is not null)
            {
                state.Permit(ExperimentTrigger.Skip, next);
            }
        }

        _machine.Configure(ExperimentStates.Completed);
        _machine.Configure(ExperimentStates.Failed);
        _machine.Configure(ExperimentStates.Aborted);
    }
}
