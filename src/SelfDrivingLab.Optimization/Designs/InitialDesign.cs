using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Designs;

/// <summary>Space-filling designs for the first experiments of a campaign, before any model exists.</summary>
public static class InitialDesign
{
    /// <summary>
    /// Creates <paramref name="count"/> parameter sets of <paramref name="space"/>, deterministic for a given
    /// <paramref name="seed"/>. Points are drawn in the design cube (one coordinate per parameter) and decoded through
    /// <see cref="SpaceEncoder"/>, so integers sit on their grid, categoricals are valid choices and mixtures sum to
    /// their total. Sobol supports up to 40 parameters.
    /// </summary>
    public static IReadOnlyList<ParameterSet> Create(InitialDesignKind kind, SearchSpace space, int count, int seed) =>
        Create(kind, new SpaceEncoder(space), count, seed);

    /// <summary>As <see cref="Create(InitialDesignKind, SearchSpace, int, int)"/>, reusing an encoder.</summary>
    public static IReadOnlyList<ParameterSet> Create(InitialDesignKind kind, SpaceEncoder encoder, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var points = UnitPoints(kind, encoder.DesignDimension, count, seed).Select(p => encoder.FromDesign(p)).ToArray();
        if (encoder.Space.Constraints.Count == 0)
        {
            return points;
        }

        // Design points outside the linear constraints are replaced by seeded feasible random points.
        var random = new Random(seed);
        return [.. points.Select(p => encoder.Space.SatisfiesConstraints(p) ? p : encoder.Sample(random))];
    }

    /// <summary>The design in the unit design cube.</summary>
    internal static double[][] UnitPoints(InitialDesignKind kind, int dimension, int count, int seed)
    {
        switch (kind)
        {
            case InitialDesignKind.Random:
                var random = new Random(seed);
                return Enumerable.Range(0, count)
                    .Select(_ => Enumerable.Range(0, dimension).Select(_ => random.NextDouble()).ToArray())
                    .ToArray();
            case InitialDesignKind.Sobol:
                if (dimension > JoeKuoDirectionNumbers.MaxDimension)
                {
                    throw new ArgumentException(
                        $"A Sobol design supports at most {JoeKuoDirectionNumbers.MaxDimension} parameters (the space has {dimension}); use a Latin hypercube.",
                        nameof(kind));
                }

                return new SobolSequence(dimension, seed).Take(count);
            case InitialDesignKind.LatinHypercube:
                return LatinHypercube.Generate(count, dimension, new Random(seed));
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown initial design.");
        }
    }
}
