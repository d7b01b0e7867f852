using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads <c>initial_design</c>, <c>surrogate</c> and <c>acquisition</c>. Missing sections and keys take
/// <see cref="ProposerSettings.Default"/> (the settings <c>sdl bench campaign --strategy default</c> measures).
/// </summary>
internal static class ProposerReader
{
    private static readonly (string, InitialDesignKind)[] Designs =
    [
        ("random", InitialDesignKind.Random),
        ("sobol", InitialDesignKind.Sobol),
        ("latin_hypercube", InitialDesignKind.LatinHypercube),
    ];

    private static readonly (string, SurrogateKind)[] Surrogates =
    [
        ("gaussian_process", SurrogateKind.GaussianProcess),
        ("bayesian_ridge", SurrogateKind.BayesianRidge),
        ("random_forest", SurrogateKind.RandomForest),
        ("random", SurrogateKind.Random),
    ];

    private static readonly (string, KernelKind)[] Kernels =
    [
        ("matern52", KernelKind.Matern52),
        ("matern32", KernelKind.Matern32),
        ("rbf", KernelKind.Rbf),
    ];

    private static readonly (string, AcquisitionKind)[] Acquisitions =
    [
        ("expected_improvement", AcquisitionKind.ExpectedImprovement),
        ("upper_confidence_bound", AcquisitionKind.UpperConfidenceBound),
        ("probability_of_improvement", AcquisitionKind.ProbabilityOfImprovement),
        ("thompson_sampling", AcquisitionKind.ThompsonSampling),
        ("expected_hypervolume_improvement", AcquisitionKind.ExpectedHypervolumeImprovement),
        ("parego", AcquisitionKind.Parego),
    ];

    public static ProposerSettings Read(YamlMap root, int? budget, int seed, int dimensions, int objectives)
    {
        var settings = ProposerSettings.DefaultFor(dimensions, seed, budget, objectives);

        if (root.Map("initial_design") is { } design)
        {
            design.CheckKeys("kind", "count");
            settings = settings with
            {
                InitialDesign = design.Choice("kind", "initial design kind", Designs, required: true) ?? settings.InitialDesign,
                InitialCount = (int?)design.Integer("count", min: 1, max: budget ?? int.MaxValue, maxMeaning: "the budget") ?? settings.InitialCount,
            };
        }

        if (root.Map("surrogate") is { } surrogate)
        {
            surrogate.CheckKeys("kind", "kernel", "restarts");
            var kind = surrogate.Choice("kind", "surrogate kind", Surrogates, required: true);
            if (kind is not null and not SurrogateKind.GaussianProcess)
            {
                RejectUnless(surrogate, "kernel", "surrogate kind gaussian_process");
                RejectUnless(surrogate, "restarts", "surrogate kind gaussian_process");
            }

            settings = settings with
            {
                Surrogate = kind ?? settings.Surrogate,
                Kernel = surrogate.Choice("kernel", "kernel", Kernels) ?? settings.Kernel,
                Restarts = (int?)surrogate.Integer("restarts", min: 0, max: 100) ?? settings.Restarts,
            };
        }

        if (root.Map("acquisition") is { } acquisition)
        {
            acquisition.CheckKeys("kind", "xi", "beta", "candidates");
            var kind = acquisition.Choice("kind", "acquisition kind", Acquisitions, required: true);
            if (kind is AcquisitionKind.UpperConfidenceBound or AcquisitionKind.ThompsonSampling or AcquisitionKind.ExpectedHypervolumeImprovement or AcquisitionKind.Parego)
            {
                RejectUnless(acquisition, "xi", "expected_improvement and probability_of_improvement");
            }

            if (kind is not null and not AcquisitionKind.UpperConfidenceBound)
            {
                RejectUnless(acquisition, "beta", "upper_confidence_bound");
            }

            settings = settings with
            {
                Acquisition = kind ?? settings.Acquisition,
                Xi = acquisition.Number("xi", min: 0) ?? settings.Xi,
                Beta = acquisition.Number("beta", min: 0) ?? settings.Beta,
                CandidateCount = (int?)acquisition.Integer("candidates", min: 1, max: 1_000_000) ?? settings.CandidateCount,
            };
        }

        return settings;
    }

    private static void RejectUnless(YamlMap map, string key, string appliesTo)
    {
        if (map.Has(key))
        {
            map.Error(key, $"'{key}' applies only to {appliesTo}");
        }
    }
}
