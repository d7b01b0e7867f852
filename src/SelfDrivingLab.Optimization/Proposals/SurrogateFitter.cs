using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Builds and fits the surrogate a <see cref="ProposerSettings"/> asks for. Every fit starts afresh (no warm start
/// from an earlier fit), so a proposal depends only on its request and the settings: a campaign resumed from its ledger
/// proposes what an uninterrupted one would have. Immutable and thread-safe.
/// </summary>
internal sealed class SurrogateFitter(ProposerSettings settings)
{
    private readonly ISurrogate? _surrogate = settings.Surrogate switch
    {
        SurrogateKind.GaussianProcess => new GaussianProcessSurrogate(new GaussianProcessOptions { Kernel = settings.Kernel, Restarts = settings.Restarts, Seed = settings.Seed }),
        SurrogateKind.BayesianRidge => new BayesianRidgeSurrogate(),
        SurrogateKind.RandomForest => new RandomForestSurrogate(new RandomForestOptions { Seed = settings.Seed }),
        _ => null,
    };

    /// <summary>False for <see cref="SurrogateKind.Random"/>: proposals are then random.</summary>
    public bool HasModel => _surrogate is not null;

    public (ISurrogate Surrogate, ISurrogateModel Model) Fit(double[][] x, double[] y, CancellationToken cancellationToken)
    {
        var surrogate = _surrogate ?? throw new InvalidOperationException("The random strategy fits no surrogate.");
        return (surrogate, surrogate.Fit(x, y, cancellationToken));
    }
}
