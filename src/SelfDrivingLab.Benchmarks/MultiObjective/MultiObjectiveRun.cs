namespace SelfDrivingLab.Benchmarks.MultiObjective;

/// <summary>One benchmark campaign's result. Immutable.</summary>
/// <param name="Problem">The problem's name.</param>
/// <param name="Strategy">The strategy.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Hypervolume">The hypervolume the measured results dominate after the last experiment.</param>
/// <param name="MaxHypervolume">The true front's hypervolume (the most any campaign can reach).</param>
/// <param name="Seconds">Wall time the campaign took.</param>
public sealed record MultiObjectiveRun(string Problem, MultiObjectiveStrategy Strategy, int Seed, double Hypervolume, double MaxHypervolume, double Seconds);
