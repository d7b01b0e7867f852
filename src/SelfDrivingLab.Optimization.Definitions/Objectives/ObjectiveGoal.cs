namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>What "better" means for the objective.</summary>
public enum ObjectiveGoal
{
    /// <summary>Larger is better.</summary>
    Maximize,

    /// <summary>Smaller is better.</summary>
    Minimize,

    /// <summary>Closer to a target value is better.</summary>
    Target,
}
