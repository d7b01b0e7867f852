namespace SelfDrivingLab.Optimization.Space;

/// <summary>A real number in [<paramref name="Low"/>, <paramref name="High"/>].</summary>
/// <param name="Name">Name.</param>
/// <param name="Low">Inclusive lower bound.</param>
/// <param name="High">Inclusive upper bound, greater than <paramref name="Low"/>.</param>
/// <param name="LogScale">Whether the model sees log(value) (requires Low &gt; 0).</param>
public sealed record ContinuousParameter(string Name, double Low, double High, bool LogScale = false) : SpaceParameter(Name);
