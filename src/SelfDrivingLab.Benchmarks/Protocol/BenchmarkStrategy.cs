using System.Globalization;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// How a benchmark campaign picks the next candidate: uniformly at random (<see cref="IsRandom"/>), or by the
/// largest acquisition value of a surrogate fitted to the measured candidates. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The default strategy is <c>gp-ucb</c> with default <see cref="StrategyOptions"/> and <see cref="BenchmarkSettings"/>:
/// a Matérn 5/2 ARD GP on raw (standardized) scores whose hyperparameters are refitted every iteration
/// (<see cref="BenchmarkSettings.RefitEvery"/> = 1), the first fit of a campaign with 4 optimizer starts and every later
/// fit warm-started from the previous fit's hyperparameters with 2 starts (warm + default), ranked by UCB μ + 1·σ. The
/// same configuration is used for every dataset. <c>gp-ei</c> uses ξ = 0.01 standard deviations of the measured scores.
/// </remarks>
public sealed class BenchmarkStrategy
{
    /// <summary>Names accepted by <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["random", "gp-ei", "gp-ucb", "gp-pi", "ridge-ei", "ridge-ucb", "ridge-pi"];

    private readonly Func<int, IReadOnlyDictionary<string, double>?, ISurrogate>? _surrogate;
    private readonly Func<double, IAcquisitionFunction>? _acquisition;

    /// <summary>
    /// A model-based strategy: <paramref name="surrogate"/> builds the surrogate of one fit from a seed and the
    /// hyperparameters of the previous fit of the campaign (null for the first fit: a warm start when not null);
    /// <paramref name="acquisition"/> builds the acquisition from the standard deviation of the scores measured so far
    /// (so margins can be given in standardized units) and ranks the unmeasured candidates.
    /// </summary>
    public BenchmarkStrategy(string name, Func<int, IReadOnlyDictionary<string, double>?, ISurrogate> surrogate, Func<double, IAcquisitionFunction> acquisition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _surrogate = surrogate ?? throw new ArgumentNullException(nameof(surrogate));
        _acquisition = acquisition ?? throw new ArgumentNullException(nameof(acquisition));
        Acquisition = acquisition(1);
    }

    /// <summary>A model-based strategy with a surrogate built from the seed only and a fixed acquisition.</summary>
    public BenchmarkStrategy(string name, Func<int, ISurrogate> surrogate, IAcquisitionFunction acquisition)
        : this(name, Wrap(surrogate), Fixed(acquisition))
    {
    }

    private BenchmarkStrategy()
    {
        Name = "random";
    }

    /// <summary>Uniform random sampling without replacement, the baseline.</summary>
    public static BenchmarkStrategy Random { get; } = new();

    /// <summary>The name reported in results.</summary>
    public string Name { get; }

    /// <summary>True for the random baseline.</summary>
    public bool IsRandom => _surrogate is null;

    /// <summary>Transform of the measured scores before fitting (default none).</summary>
    public ScoreWarping Warping { get; init; }

    /// <summary>The acquisition function for scores of unit standard deviation (null for random).</summary>
    public IAcquisitionFunction? Acquisition { get; }

    /// <summary>
    /// Parses <c>random</c> or <c>&lt;surrogate&gt;-&lt;acquisition&gt;[:&lt;parameter&gt;]</c> with surrogate <c>gp</c>
    /// (Matérn 5/2 ARD, restarts from <paramref name="options"/>) or <c>ridge</c> (Bayesian ridge) and acquisition
    /// <c>ei</c>, <c>ucb</c> or <c>pi</c>. The optional parameter overrides ξ (EI, PI; standardized) or β (UCB) of
    /// <paramref name="options"/> for this strategy, e.g. <c>gp-ucb:3</c> or <c>gp-ei:0.05</c>, so variants can be
    /// compared in one run. Throws <see cref="ArgumentException"/> listing the known names.
    /// </summary>
    public static BenchmarkStrategy Parse(string name, StrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        options ??= new StrategyOptions();
        options.Validate();
        var text = name.Trim().ToLowerInvariant();
        if (text == "random")
        {
            return Random;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var head = colon >= 0 ? text[..colon] : text;
        double? parameter = null;
        if (colon >= 0)
        {
            parameter = double.TryParse(text[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
                ? value
                : throw new ArgumentException($"Strategy '{name}': the value after ':' must be a number >= 0 (ξ for ei/pi, β for ucb).", nameof(name));
        }

        var dash = head.IndexOf('-', StringComparison.Ordinal);
        var surrogate = dash > 0 ? head[..dash] : head;
        var acquisition = dash > 0 ? head[(dash + 1)..] : string.Empty;
        var xi = parameter ?? options.Xi;
        var beta = parameter ?? options.Beta;
        Func<int, IReadOnlyDictionary<string, double>?, ISurrogate>? factory = surrogate switch
        {
            "gp" => (seed, warm) => new GaussianProcessSurrogate(new GaussianProcessOptions
            {
                Restarts = warm is null ? options.Restarts : options.WarmRestarts,
                Seed = seed,
                InitialHyperparameters = warm,
            }),
            "ridge" => (_, _) => new BayesianRidgeSurrogate(),
            _ => null,
        };
        Func<double, IAcquisitionFunction>? function = acquisition switch
        {
            "ei" => scale => new ExpectedImprovement(xi * scale),
            "ucb" => _ => new UpperConfidenceBound(beta),
            "pi" => scale => new ProbabilityOfImprovement(xi * scale),
            _ => null,
        };
        return factory is not null && function is not null
            ? new BenchmarkStrategy(text, factory, function) { Warping = options.Warping }
            : throw new ArgumentException($"Unknown strategy '{name}'. Known: {string.Join(", ", KnownNames)} (optionally with :<ξ or β>, e.g. gp-ucb:3).", nameof(name));
    }

    /// <summary>Parses a comma-separated list (e.g. <c>gp-ei,random</c>); duplicates are an error.</summary>
    public static IReadOnlyList<BenchmarkStrategy> ParseList(string names, StrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var parsed = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => Parse(n, options)).ToArray();
        if (parsed.Length == 0)
        {
            throw new ArgumentException("Give at least one strategy.", nameof(names));
        }

        var duplicate = parsed.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? parsed : throw new ArgumentException($"Strategy '{duplicate.Key}' is listed twice.", nameof(names));
    }

    /// <summary>The surrogate of the first fit of a campaign; throws for the random strategy.</summary>
    public ISurrogate CreateSurrogate(int seed) => CreateSurrogate(seed, null);

    /// <summary>
    /// The surrogate of one fit, warm-started from <paramref name="previousHyperparameters"/> when given (a GP only;
    /// an empty dictionary counts as none); throws for the random strategy.
    /// </summary>
    public ISurrogate CreateSurrogate(int seed, IReadOnlyDictionary<string, double>? previousHyperparameters) =>
        _surrogate is { } factory
            ? factory(seed, previousHyperparameters is { Count: > 0 } ? previousHyperparameters : null)
            : throw new InvalidOperationException("The random strategy has no surrogate.");

    /// <summary>The acquisition for measured scores of standard deviation <paramref name="scoreScale"/>; throws for random.</summary>
    public IAcquisitionFunction CreateAcquisition(double scoreScale) =>
        _acquisition is { } factory ? factory(scoreScale) : throw new InvalidOperationException("The random strategy has no acquisition.");

    /// <inheritdoc />
    public override string ToString() => Name;

    private static Func<int, IReadOnlyDictionary<string, double>?, ISurrogate> Wrap(Func<int, ISurrogate> surrogate)
    {
        ArgumentNullException.ThrowIfNull(surrogate);
        return (seed, _) => surrogate(seed);
    }

    private static Func<double, IAcquisitionFunction> Fixed(IAcquisitionFunction acquisition)
    {
        ArgumentNullException.ThrowIfNull(acquisition);
        return _ => acquisition;
    }
}
