using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// A candidate pool as an <see cref="IProposalDomain"/>: the initial design and random picks walk the pool's seeded
/// permutation (<see cref="PoolProposer.PoolOrder"/>) as <see cref="PoolProposer"/> does, and the maximum is taken over
/// every candidate not excluded (in chunks, lowest index on ties).
/// </summary>
internal sealed class PoolDomain : IProposalDomain
{
    private const int ChunkSize = 4096;

    private readonly CandidatePool _pool;
    private readonly int[] _order;

    /// <summary>Creates the domain; every candidate must belong to <paramref name="space"/> when one is given.</summary>
    public PoolDomain(CandidatePool pool, int seed, SearchSpace? space)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (space is not null)
        {
            var encoder = new SpaceEncoder(space);
            foreach (var candidate in pool.Candidates)
            {
                encoder.Validate(candidate);
            }
        }

        _pool = pool;
        _order = PoolProposer.PoolOrder(pool.Count, seed);
    }

    public CandidatePool Pool => _pool;

    public double[] Encode(ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var index = _pool.IndexOf(parameters);
        return index >= 0 ? _pool.Features(index) : throw new ArgumentException($"{what} ({parameters}) is not a candidate of the pool.", nameof(parameters));
    }

    public ParameterSet? InitialPoint(int k, IReadOnlySet<ParameterSet> excluded) => NextInOrder(k, excluded);

    public ParameterSet? RandomPoint(int k, IReadOnlySet<ParameterSet> excluded) => NextInOrder(k, excluded);

    public DomainPoint? Maximize(Func<double[][], double[]> rank, int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rank);
        var available = Enumerable.Range(0, _pool.Count).Where(i => !excluded.Contains(_pool.Candidates[i])).ToArray();
        var best = -1;
        var bestRank = double.NegativeInfinity;
        double[]? bestFeatures = null;
        foreach (var chunk in available.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var x = chunk.Select(_pool.Features).ToArray();
            var ranks = rank(x);
            for (var i = 0; i < chunk.Length; i++)
            {
                var r = double.IsNaN(ranks[i]) ? double.NegativeInfinity : ranks[i];
                if (best < 0 || r > bestRank)
                {
                    (best, bestRank, bestFeatures) = (chunk[i], r, x[i]);
                }
            }
        }

        return best < 0 ? null : new DomainPoint(_pool.Candidates[best], bestFeatures!, bestRank);
    }

    /// <summary>The first candidate not excluded, walking the seeded permutation from position <paramref name="k"/> (wrapping).</summary>
    private ParameterSet? NextInOrder(int k, IReadOnlySet<ParameterSet> excluded)
    {
        for (var step = 0; step < _order.Length; step++)
        {
            var candidate = _pool.Candidates[_order[(int)((k + (long)step) % _order.Length)]];
            if (!excluded.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
