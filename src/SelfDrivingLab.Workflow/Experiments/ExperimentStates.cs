namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>The fixed states every experiment workflow has around its step states (a step's state is its name).</summary>
public static class ExperimentStates
{
    /// <summary>Proposed, no step started.</summary>
    public const string Proposed = "Proposed";

    /// <summary>Waiting for a person (or policy) to approve or reject the proposal; only when the gate requires approval.</summary>
    public const string AwaitingApproval = "AwaitingApproval";

    /// <summary>Every step succeeded (or was skipped) and the objective was measured.</summary>
    public const string Completed = "Completed";

    /// <summary>A step failed.</summary>
    public const string Failed = "Failed";

    /// <summary>Stopped by an operator or shutdown, or rejected at approval.</summary>
    public const string Aborted = "Aborted";

    /// <summary>True for a state no trigger leaves.</summary>
    public static bool IsTerminal(string state) => state is Completed or Failed or Aborted;

    /// <summary>True for names a step may not take.</summary>
    public static bool IsReserved(string name) => name is Proposed or AwaitingApproval or Completed or Failed or Aborted;
}
