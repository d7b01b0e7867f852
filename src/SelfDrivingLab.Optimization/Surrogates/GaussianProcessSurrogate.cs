namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Exact Gaussian process regression with an ARD kernel, signal variance and Gaussian noise, whose hyperparameters
/// maximize the log posterior — the log marginal likelihood plus the log of <see cref="GaussianProcessOptions.Priors"/>
/// (analytic gradients, projected L-BFGS, seeded restarts run in parallel
/// on the available cores — each screened for 10 iterations, then the best two continued to convergence — optional warm start from an earlier fit). The result does not depend on the number of
/// cores. Outputs are standardized internally. Constant observations give a model that predicts the constant with small
/// variance ((1e-3·max(1, |c|))² at most). Immutable and thread-safe.
/// </summary>
public sealed class GaussianProcessSurrogate : ISurrogate
{
    private const int ScreeningIterations = 10;
    private const int Finalists = 2;

    private readonly GaussianProcessOptions _options;

    /// <summary>Creates the surrogate; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public GaussianProcessSurrogate(GaussianProcessOptions? options = null)
    {
        _options = options ?? new GaussianProcessOptions();
        _options.Validate();
        Name = $"gp-{KernelFunctions.Name(_options.Kernel)}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Also when <see cref="GaussianProcessOptions.InitialHyperparameters"/> lacks a value for these data.</exception>
    public ISurrogateModel Fit(double[][] x, double[] y, CancellationToken cancellationToken = default)
    {
        var d = SurrogateData.Validate(x, y);
        var (mean, standardDeviation) = SurrogateData.Moments(y);
        var start = Clamp(DefaultStart(d), d);
        if (standardDeviation <= 1e-12 * Math.Max(1, Math.Abs(mean)))
        {
            return GaussianProcessModel.Create(_options.Kernel, GaussianProcessHyperparameters.FromLog(start), x, y, mean, 1e-3 * Math.Max(1, Math.Abs(mean)));
        }

        var standardized = y.Select(v => (v - mean) / standardDeviation).ToArray();
        var starts = Starts(d, start, standardDeviation);
        var (theta, objective, evaluations) = Optimize(x, standardized, starts, cancellationToken);
        var lml = _options.Priors is { } priors && double.IsFinite(objective) ? objective - priors.AddLogDensity(theta, default) : objective;
        return GaussianProcessModel.Create(_options.Kernel, GaussianProcessHyperparameters.FromLog(theta), x, y, mean, standardDeviation, lml, evaluations);
    }

    private static double[] DefaultStart(int d) => [.. Enumerable.Repeat(Math.Log(0.3), d), 0, Math.Log(1e-3)];

    /// <summary>The warm start (if any), the default start, then seeded random starts: max(1, Restarts) in all.</summary>
    private List<double[]> Starts(int d, double[] defaultStart, double yScale)
    {
        var count = Math.Max(1, _options.Restarts);
        var starts = new List<double[]>(count);
        if (_options.InitialHyperparameters is { } warm)
        {
            starts.Add(Clamp(WarmStart(warm, d, yScale), d));
        }

        if (starts.Count < count)
        {
            starts.Add(defaultStart);
        }

        var random = new Random(_options.Seed);
        while (starts.Count < count)
        {
            starts.Add(Clamp(RandomStart(d, random), d));
        }

        return starts;
    }

    private static double[] WarmStart(IReadOnlyDictionary<string, double> warm, int d, double yScale)
    {
        double Get(string key) => warm.TryGetValue(key, out var value) && value > 0
            ? value
            : throw new ArgumentException($"GaussianProcessOptions.InitialHyperparameters needs a positive '{key}' for data with {d} input dimensions.", nameof(warm));

        var theta = new double[d + 2];
        for (var i = 0; i < d; i++)
        {
            theta[i] = Math.Log(Get($"length_scale_{i}"));
        }

        theta[d] = Math.Log(Get("signal_variance") / (yScale * yScale));
        theta[d + 1] = Math.Log(Get("noise_variance") / (yScale * yScale));
        return theta;
    }

    private (double[] Theta, double LogPosterior, int Evaluations) Optimize(double[][] x, double[] y, List<double[]> starts, CancellationToken cancellationToken)
    {
        var d = x[0].Length;
        var (lower, upper) = Bounds(d);

        // Screening: every start runs a few iterations; only the most promising continue to convergence. Each
        // evaluation costs O(n³), and most random starts are visibly worse after a handful of steps.
        var screeningIterations = Math.Min(ScreeningIterations, _options.MaxIterations);
        var screened = RunStarts(x, y, starts, lower, upper, screeningIterations, cancellationToken);
        var order = Enumerable.Range(0, screened.Length).OrderByDescending(s => screened[s].Value).ThenBy(s => s).ToArray();
        var finalists = order.Take(Finalists).Where(s => double.IsFinite(screened[s].Value) && !screened[s].Converged).ToArray();
        var remaining = _options.MaxIterations - screeningIterations;
        var finished = remaining > 0 && finalists.Length > 0
            ? RunStarts(x, y, finalists.Select(s => screened[s].Theta).ToList(), lower, upper, remaining, cancellationToken)
            : [];

        var evaluations = screened.Sum(r => r.Evaluations) + finished.Sum(r => r.Evaluations);
        var candidates = screened.Concat(finished).ToArray();
        var best = 0;
        for (var s = 1; s < candidates.Length; s++)
        {
            best = candidates[s].Value > candidates[best].Value ? s : best;
        }

        return double.IsFinite(candidates[best].Value) ? (candidates[best].Theta, candidates[best].Value, evaluations) : (starts[0], double.NegativeInfinity, evaluations);
    }

    private StartResult[] RunStarts(double[][] x, double[] y, List<double[]> starts, double[] lower, double[] upper, int iterations, CancellationToken cancellationToken)
    {
        var results = new StartResult[starts.Count];
        var workers = Math.Min(starts.Count, Environment.ProcessorCount);

        // Each worker owns one workspace and a fixed subset of starts; every start is deterministic on its own and
        // winners are chosen by value then index, so the result does not depend on the number of cores.
        Parallel.For(0, workers, new ParallelOptions { CancellationToken = cancellationToken }, worker =>
        {
            var workspace = new GaussianProcessWorkspace(x, y);
            for (var s = worker; s < starts.Count; s += workers)
            {
                results[s] = RunStart(workspace, starts[s], lower, upper, iterations, cancellationToken);
            }
        });
        return results;
    }

    private StartResult RunStart(GaussianProcessWorkspace workspace, double[] initial, double[] lower, double[] upper, int iterations, CancellationToken cancellationToken)
    {
        double NegativeLikelihood(double[] theta, double[] gradient)
        {
            double value;
            try
            {
                value = GaussianProcessLikelihood.Evaluate(workspace, _options.Kernel, theta, gradient);
            }
            catch (ArgumentException)
            {
                // Not positive definite even with the largest jitter: an infeasible point, so the line search backs off.
                return double.NaN;
            }

            if (_options.Priors is { } priors)
            {
                value += priors.AddLogDensity(theta, gradient);
            }

            for (var i = 0; i < gradient.Length; i++)
            {
                gradient[i] = -gradient[i];
            }

            return -value;
        }

        var (point, negative, evaluations, converged) = BoundedLbfgs.Minimize(NegativeLikelihood, initial, lower, upper, iterations, cancellationToken);
        return new StartResult(point, double.IsFinite(negative) ? -negative : double.NegativeInfinity, evaluations, converged);
    }

    private double[] Clamp(double[] theta, int d)
    {
        var (lower, upper) = Bounds(d);
        for (var i = 0; i < theta.Length; i++)
        {
            theta[i] = Math.Clamp(theta[i], lower[i], upper[i]);
        }

        return theta;
    }

    private (double[] Lower, double[] Upper) Bounds(int d)
    {
        double[] lower = [.. Enumerable.Repeat(Math.Log(_options.MinLengthScale), d), Math.Log(_options.MinSignalVariance), Math.Log(_options.MinNoiseVariance)];
        double[] upper = [.. Enumerable.Repeat(Math.Log(_options.MaxLengthScale), d), Math.Log(_options.MaxSignalVariance), Math.Log(_options.MaxNoiseVariance)];
        return (lower, upper);
    }

    private static double[] RandomStart(int d, Random random)
    {
        // Plausible region rather than the whole box: length scales 0.05–2, signal variance 0.2–5, noise 1e-6–0.1.
        var start = new double[d + 2];
        for (var i = 0; i < d; i++)
        {
            start[i] = Math.Log(0.05) + (random.NextDouble() * (Math.Log(2) - Math.Log(0.05)));
        }

        start[d] = Math.Log(0.2) + (random.NextDouble() * (Math.Log(5) - Math.Log(0.2)));
        start[d + 1] = Math.Log(1e-6) + (random.NextDouble() * (Math.Log(0.1) - Math.Log(1e-6)));
        return start;
    }

    private readonly record struct StartResult(double[] Theta, double Value, int Evaluations, bool Converged);
}
