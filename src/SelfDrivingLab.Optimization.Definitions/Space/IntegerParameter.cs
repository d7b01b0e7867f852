namespace SelfDrivingLab.Optimization.Space;

/// <summary>An integer in [<paramref name="Low"/>, <paramref name="High"/>] on a grid of <paramref name="Step"/> from <paramref name="Low"/>.</summary>
/// <param name="Name">Name.</param>
/// <param name="Low">Inclusive lower bound.</param>
/// <param name="High">Inclusive upper bound.</param>
/// <param name="Step">Grid step, at least 1.</param>
public sealed record IntegerParameter(string Name, long Low, long High, long Step = 1) : SpaceParameter(Name);
