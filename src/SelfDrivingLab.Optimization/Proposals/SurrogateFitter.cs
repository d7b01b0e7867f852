using System.Diagnostics;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Builds and fits the surrogate a <see cref="ProposerSettings"/> asks for. With <c>scheduled</c> (a proposer's own
/// fitter), a Gaussian process refits its hyperparameters on the <see cref="HyperparameterSchedule"/> and conditions
/// on new observations in between; otherwise, and for other surrogates, every fit starts afresh. Either way a fit
/// depends only on its data (in their order, for the schedule) and the settings (no warm start from an earlier
/// request), so a proposer resumed with the same observations proposes what an uninterrupted one would have.
/// Thread-safe.
/// </summary>
internal sealed class SurrogateFitter
{
    private readonly ISurrogate? _surrogate;
    private readonly HyperparameterSchedule? _schedule;

    public SurrogateFitter(ProposerSettings settings, bool scheduled = false)
    {
        _surrogate = settings.Surrogate switch
        {
            SurrogateKind.GaussianProcess => new GaussianProcessSurrogate(new GaussianProcessOptions { Kernel = settings.Kernel, Restarts = settings.Restarts, Seed = settings.Seed }),
            SurrogateKind.BayesianRidge => new BayesianRidgeSurrogate(),
            SurrogateKind.RandomForest => new RandomForestSurrogate(new RandomForestOptions { Seed = settings.Seed }),
            _ => null,
        };
        _schedule = scheduled && _surrogate is GaussianProcessSurrogate gp ? new HyperparameterSchedule(gp) : null;
    }

    /// <summary>False for <see cref="SurrogateKind.Random"/>: proposals are then random.</summary>
    public bool HasModel => _surrogate is not null;

    /// <summary>Full hyperparameter fits of the schedule so far (0 without one).</summary>
    public int ScheduledFullFits => _schedule?.FullFits ?? 0;

    public (ISurrogate Surrogate, ISurrogateModel Model) Fit(double[][] x, double[] y, CancellationToken cancellationToken)
    {
        var surrogate = _surrogate ?? throw new InvalidOperationException("The random strategy fits no surrogate.");
        if (_schedule is { } schedule)
        {
            return (surrogate, schedule.Fit(x, y, cancellationToken));
        }

        var started = Stopwatch.GetTimestamp();
        var model = surrogate.Fit(x, y, cancellationToken);
        ProposerMetrics.Record(ProposerMetrics.HyperparameterFit, started);
        return (surrogate, model);
    }
}
