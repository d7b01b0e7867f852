using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Pool mode: proposals are candidates of <see cref="ProposerSettings.Pool"/>, each at most once.</summary>
public sealed partial class Proposer
{
    private const int PoolOrderStream = 3;

    /// <summary>A seeded permutation of the pool: the initial design and every random pick walk it in order.</summary>
    private readonly int[] _poolOrder;

    private List<Proposal> ProposeFromPool(CandidatePool pool, ProposalRequest request, CancellationToken cancellationToken)
    {
        var observations = request.Observations ?? [];
        var failed = request.Failed ?? [];
        var pending = request.Pending ?? [];
        var excluded = new HashSet<int>();
        var observed = new List<(int Index, double Value)>(observations.Count);
        foreach (var observation in observations)
        {
            _ = _objective.Score(observation.Value);
            var index = PoolIndex(pool, observation.Parameters, "Observation");
            observed.Add((index, observation.Value));
            excluded.Add(index);
        }

        var failedIndices = failed.Select(f => PoolIndex(pool, f.Parameters, "Failed experiment")).ToList();
        var pendingIndices = pending.Select(p => PoolIndex(pool, p, "Pending experiment")).ToList();
        excluded.UnionWith(failedIndices);
        excluded.UnionWith(pendingIndices);

        var proposals = new List<Proposal>(request.Count);
        var chosen = new List<int>(request.Count);
        PoolModelContext? context = null;
        for (var i = 0; i < request.Count && excluded.Count < pool.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var k = request.ProposedSoFar + i;
            int index;
            Proposal proposal;
            if (k < _settings.InitialCount || _surrogate is null || observations.Count < 2)
            {
                var strategy = k < _settings.InitialCount ? ProposalProvenance.InitialDesignStrategy : ProposalProvenance.RandomStrategy;
                index = NextInPoolOrder(k, excluded);
                proposal = new Proposal(pool.Candidates[index], ProposalProvenance.WithoutModel(strategy, observations.Count));
            }
            else
            {
                context ??= CreatePoolContext(pool, observed, [.. pendingIndices, .. chosen], failedIndices, cancellationToken);
                (index, proposal) = context.Next(CandidateSeed(k), excluded, cancellationToken);
            }

            excluded.Add(index);
            chosen.Add(index);
            proposals.Add(proposal);
        }

        return proposals;
    }

    private PoolModelContext CreatePoolContext(CandidatePool pool, IReadOnlyList<(int Index, double Value)> observed, IReadOnlyList<int> fantasies, IReadOnlyList<int> failed, CancellationToken cancellationToken)
    {
        var warm = Volatile.Read(ref _warmStart);
        var surrogate = _gaussianProcessOptions is not null && warm is not null
            ? new Surrogates.GaussianProcessSurrogate(_gaussianProcessOptions with { InitialHyperparameters = warm })
            : _surrogate!;
        var context = PoolModelContext.Create(surrogate, pool, _objective, _settings, observed, fantasies, failed, cancellationToken);
        if (_gaussianProcessOptions is not null)
        {
            Volatile.Write(ref _warmStart, context.FittedHyperparameters);
        }

        return context;
    }

    /// <summary>The first candidate not excluded, walking the seeded permutation from position <paramref name="k"/> (wrapping).</summary>
    private int NextInPoolOrder(int k, HashSet<int> excluded)
    {
        for (var step = 0; step < _poolOrder.Length; step++)
        {
            var index = _poolOrder[(int)((k + (long)step) % _poolOrder.Length)];
            if (!excluded.Contains(index))
            {
                return index;
            }
        }

        throw new InvalidOperationException("Every candidate of the pool is excluded; the caller checks this first.");
    }

    private static int PoolIndex(CandidatePool pool, ParameterSet parameters, string what)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var index = pool.IndexOf(parameters);
        return index >= 0 ? index : throw new ArgumentException($"{what} ({parameters}) is not a candidate of the pool.", nameof(parameters));
    }

    private static int[] PoolOrder(CandidatePool pool, int seed)
    {
        var order = Enumerable.Range(0, pool.Count).ToArray();
        new Random(SeedMixer.Mix(seed, 0, PoolOrderStream)).Shuffle(order);
        return order;
    }
}
