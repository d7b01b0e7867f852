namespace SelfDrivingLab.Optimization.Space;

/// <summary>What <see cref="SpaceFeasibility"/> found about a search space's constraints.</summary>
public enum SpaceVerdict
{
    /// <summary>Points satisfy every constraint with room to spare: random proposals find them.</summary>
    Open,

    /// <summary>No point satisfies the constraints together.</summary>
    Empty,

    /// <summary>Points exist, but only where some constraint holds with equality: random proposals never land there.</summary>
    Thin,

    /// <summary>The integer search hit its limit (<see cref="SpaceFeasibility.MaxBranchNodes"/>) before an answer.</summary>
    Undecided,
}
