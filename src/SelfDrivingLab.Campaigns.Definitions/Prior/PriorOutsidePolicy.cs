namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>What a campaign does with a prior row outside its search space or pool (<c>prior.outside</c>).</summary>
public enum PriorOutsidePolicy
{
    /// <summary>The campaign is invalid; the problem names the row's line and the parameter (the default).</summary>
    Error,

    /// <summary>
    /// The row is not used (nor stored); <see cref="PriorDataCheck.Check"/> still names it, and <c>sdl validate</c> and
    /// <c>sdl run</c> print each ignored row with its line and reason.
    /// </summary>
    Ignore,
}
