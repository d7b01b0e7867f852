using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Builds and fits the surrogate a <see cref="ProposerSettings"/> asks for. A Gaussian process starts its likelihood
/// optimization from the previous fit's hyperparameters (warm start), so one fitter belongs to one campaign.
/// Thread-safe.
/// </summary>
internal sealed class SurrogateFitter
{
    private readonly GaussianProcessOptions? _gaussianProcess;
    private readonly ISurrogate? _surrogate;
    private IReadOnlyDictionary<string, double>? _warmStart;

    public SurrogateFitter(ProposerSettings settings)
    {
        _gaussianProcess = settings.Surrogate == SurrogateKind.GaussianProcess ? GaussianProcessOptionsOf(settings) : null;
        _surrogate = settings.Surrogate switch
        {
            SurrogateKind.GaussianProcess => new GaussianProcessSurrogate(_gaussianProcess),
            SurrogateKind.BayesianRidge => new BayesianRidgeSurrogate(),
            SurrogateKind.RandomForest => new RandomForestSurrogate(new RandomForestOptions { Seed = settings.Seed }),
            _ => null,
        };
    }

    /// <summary>False for <see cref="SurrogateKind.Random"/>: proposals are then random.</summary>
    public bool HasModel => _surrogate is not null;

    /// <summary>The Gaussian process settings a proposer with <paramref name="settings"/> uses.</summary>
    public static GaussianProcessOptions GaussianProcessOptionsOf(ProposerSettings settings) =>
        new() { Kernel = settings.Kernel, Restarts = settings.Restarts, Seed = settings.Seed };

    /// <summary>Fits the surrogate (a GP warm-started from the previous fit) and remembers the fitted hyperparameters.</summary>
    public (ISurrogate Surrogate, ISurrogateModel Model) Fit(double[][] x, double[] y, CancellationToken cancellationToken)
    {
        var surrogate = _surrogate ?? throw new InvalidOperationException("The random strategy fits no surrogate.");
        var warm = Volatile.Read(ref _warmStart);
        if (_gaussianProcess is not null && warm is not null)
        {
            surrogate = new GaussianProcessSurrogate(_gaussianProcess with { InitialHyperparameters = warm });
        }

        var model = surrogate.Fit(x, y, cancellationToken);
        if (_gaussianProcess is not null)
        {
            Volatile.Write(ref _warmStart, model.Hyperparameters);
        }

        return (surrogate, model);
    }
}
