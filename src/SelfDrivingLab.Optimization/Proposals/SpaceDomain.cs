using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// A search space as an <see cref="IProposalDomain"/>, choosing as <see cref="SpaceProposer"/> does: point k of the
/// seeded initial design, seeded random draws, and the maximum of a ranking over a seeded scrambled-Sobol candidate set
/// in the design cube (<see cref="ProposerSettings.CandidateCount"/> points; integers, categoricals and mixtures are
/// always valid there), the best five refined by a bounded coordinate pattern search; points outside the linear
/// constraints rank below everything.
/// </summary>
internal sealed class SpaceDomain : IProposalDomain
{
    private const int RandomAttempts = 1000;
    private const int RandomStream = 1;
    private const int RefinedStarts = 5;
    private const int MaxPatternIterations = 40;
    private const double InitialStep = 0.1;
    private const double MinStep = 1e-3;

    private readonly SpaceEncoder _encoder;
    private readonly IReadOnlyList<ParameterSet> _initialDesign;
    private readonly int _seed;
    private readonly int _candidateCount;

    public SpaceDomain(SearchSpace space, ProposerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(settings);
        _encoder = new SpaceEncoder(space);
        _initialDesign = InitialDesign.Create(settings.InitialDesign, _encoder, settings.InitialCount, settings.Seed);
        (_seed, _candidateCount) = (settings.Seed, settings.CandidateCount);
    }

    public double[] Encode(ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        try
        {
            _encoder.Validate(parameters);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{what} ({parameters}): {ex.Message}", nameof(parameters), ex);
        }

        return _encoder.Encode(parameters);
    }

    public ParameterSet? InitialPoint(int k, IReadOnlySet<ParameterSet> excluded) =>
        k < _initialDesign.Count && !excluded.Contains(_initialDesign[k]) ? _initialDesign[k] : null;

    public ParameterSet? RandomPoint(int k, IReadOnlySet<ParameterSet> excluded)
    {
        var random = new Random(SeedMixer.Mix(_seed, k, RandomStream));
        for (var attempt = 0; attempt < RandomAttempts; attempt++)
        {
            var parameters = _encoder.Sample(random);
            if (!excluded.Contains(parameters))
            {
                return parameters;
            }
        }

        return null;
    }

    public DomainPoint? Maximize(Func<double[][], double[]> rank, int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rank);
        var design = _encoder.DesignDimension <= JoeKuoDirectionNumbers.MaxDimension
            ? new SobolSequence(_encoder.DesignDimension, seed).Take(_candidateCount)
            : InitialDesign.UnitPoints(InitialDesignKind.Random, _encoder.DesignDimension, _candidateCount, seed);
        var ranks = Evaluate(rank, design);
        var order = Enumerable.Range(0, design.Length).OrderByDescending(i => ranks[i]).ToArray();
        var pool = new List<(double[] Design, double Rank)>();
        foreach (var i in order.Take(RefinedStarts))
        {
            cancellationToken.ThrowIfCancellationRequested();
            pool.Add(Refine(rank, design[i], ranks[i]));
        }

        pool.AddRange(order.Select(i => (design[i], ranks[i])));
        foreach (var (point, value) in pool.OrderByDescending(p => p.Rank))
        {
            var parameters = _encoder.FromDesign(point);
            if (!excluded.Contains(parameters) && _encoder.Space.SatisfiesConstraints(parameters))
            {
                return new DomainPoint(parameters, _encoder.Encode(parameters), value);
            }
        }

        return null;
    }

    /// <summary>Coordinate pattern search in the design cube: try ±step along each axis, move to the best improvement, else halve the step.</summary>
    private (double[] Design, double Rank) Refine(Func<double[][], double[]> rank, double[] start, double startRank)
    {
        var (current, currentRank, step) = ((double[])start.Clone(), startRank, InitialStep);
        for (var iteration = 0; iteration < MaxPatternIterations && step >= MinStep; iteration++)
        {
            var neighbours = new List<double[]>(2 * current.Length);
            foreach (var direction in new[] { -1.0, 1.0 })
            {
                for (var j = 0; j < current.Length; j++)
                {
                    var moved = Math.Clamp(current[j] + (direction * step), 0, 1);
                    if (moved != current[j])
                    {
                        var neighbour = (double[])current.Clone();
                        neighbour[j] = moved;
                        neighbours.Add(neighbour);
                    }
                }
            }

            var ranks = Evaluate(rank, [.. neighbours]);
            var best = -1;
            for (var k = 0; k < ranks.Length; k++)
            {
                if (ranks[k] > (best < 0 ? currentRank : ranks[best]))
                {
                    best = k;
                }
            }

            if (best >= 0)
            {
                (current, currentRank) = (neighbours[best], ranks[best]);
            }
            else
            {
                step /= 2;
            }
        }

        return (current, currentRank);
    }

    private double[] Evaluate(Func<double[][], double[]> rank, double[][] design)
    {
        var encoded = new double[design.Length][];
        for (var i = 0; i < design.Length; i++)
        {
            encoded[i] = new double[_encoder.Dimension];
            _encoder.DesignToEncoded(design[i], encoded[i]);
        }

        var ranks = rank(encoded);
        for (var i = 0; i < design.Length; i++)
        {
            // A point outside the linear constraints is never chosen (it ranks below everything).
            var feasible = _encoder.Space.Constraints.Count == 0 || _encoder.Space.SatisfiesConstraints(_encoder.FromDesign(design[i]));
            ranks[i] = double.IsNaN(ranks[i]) || !feasible ? double.NegativeInfinity : ranks[i];
        }

        return ranks;
    }
}
