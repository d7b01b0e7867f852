using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.AskTell;

/// <summary>
/// How an <see cref="Optimizer"/> proposes. Every property is optional: the defaults are what a campaign file with no
/// <c>surrogate:</c>/<c>acquisition:</c>/<c>initial_design:</c> keys gets (<see cref="ProposerSettings.DefaultFor"/>):
/// a Gaussian process, the campaign default acquisition for one objective and expected hypervolume improvement for two
/// or more, and a Sobol initial design of 2 × the number of parameters. Immutable.
/// </summary>
public sealed record OptimizerOptions
{
    /// <summary>Seed of every random choice (default 0): the same seed and the same tells give the same asks.</summary>
    public int Seed { get; init; }

    /// <summary>The surrogate model (default null: a Gaussian process).</summary>
    public SurrogateKind? Surrogate { get; init; }

    /// <summary>
    /// The acquisition function (default null: the campaign default for one objective, <see cref="AcquisitionKind.ExpectedHypervolumeImprovement"/>
    /// for several; <see cref="AcquisitionKind.Parego"/> is the cheap option for 2–3 objectives).
    /// </summary>
    public AcquisitionKind? Acquisition { get; init; }

    /// <summary>Experiments of the space-filling initial design before the model is used (default null: 2 × parameters); prior data shrink it.</summary>
    public int? InitialCount { get; init; }

    /// <summary>The settings these options give for a space of <paramref name="dimensions"/> parameters and <paramref name="objectives"/> objectives.</summary>
    public ProposerSettings ToSettings(int dimensions, int objectives)
    {
        var settings = ProposerSettings.DefaultFor(dimensions, Seed, budget: null, objectives);
        return settings with
        {
            Surrogate = Surrogate ?? settings.Surrogate,
            Acquisition = Acquisition ?? settings.Acquisition,
            InitialCount = InitialCount ?? settings.InitialCount,
        };
    }
}
