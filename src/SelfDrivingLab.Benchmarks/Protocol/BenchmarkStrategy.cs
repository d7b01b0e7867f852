using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// How a benchmark campaign picks the next candidate: uniformly at random (<see cref="IsRandom"/>), or by the
/// largest acquisition value of a surrogate fitted to the measured candidates. Immutable and thread-safe.
/// </summary>
public sealed class BenchmarkStrategy
{
    /// <summary>Names accepted by <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["random", "gp-ei", "gp-ucb", "gp-pi", "ridge-ei", "ridge-ucb", "ridge-pi"];

    private readonly Func<int, ISurrogate>? _surrogate;

    /// <summary>
    /// A model-based strategy: <paramref name="surrogate"/> builds the surrogate of one campaign from its seed (the
    /// seed of the GP restarts); <paramref name="acquisition"/> ranks the unmeasured candidates.
    /// </summary>
    public BenchmarkStrategy(string name, Func<int, ISurrogate> surrogate, IAcquisitionFunction acquisition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _surrogate = surrogate ?? throw new ArgumentNullException(nameof(surrogate));
        Acquisition = acquisition ?? throw new ArgumentNullException(nameof(acquisition));
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

    /// <summary>The acquisition function (null for random).</summary>
    public IAcquisitionFunction? Acquisition { get; }

    /// <summary>
    /// Parses <c>random</c> or <c>&lt;surrogate&gt;-&lt;acquisition&gt;</c> with surrogate <c>gp</c> (Matérn 5/2 ARD,
    /// <paramref name="gpRestarts"/> optimizer starts) or <c>ridge</c> (Bayesian ridge) and acquisition <c>ei</c>,
    /// <c>ucb</c> (β = 2) or <c>pi</c>. Throws <see cref="ArgumentException"/> listing the known names.
    /// </summary>
    public static BenchmarkStrategy Parse(string name, int gpRestarts = 2)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim().ToLowerInvariant();
        if (text == "random")
        {
            return Random;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var surrogate = dash > 0 ? text[..dash] : text;
        var acquisition = dash > 0 ? text[(dash + 1)..] : string.Empty;
        Func<int, ISurrogate>? factory = surrogate switch
        {
            "gp" => seed => new GaussianProcessSurrogate(new GaussianProcessOptions { Restarts = gpRestarts, Seed = seed }),
            "ridge" => _ => new BayesianRidgeSurrogate(),
            _ => null,
        };
        IAcquisitionFunction? function = acquisition switch
        {
            "ei" => new ExpectedImprovement(),
            "ucb" => new UpperConfidenceBound(),
            "pi" => new ProbabilityOfImprovement(),
            _ => null,
        };
        return factory is not null && function is not null
            ? new BenchmarkStrategy(text, factory, function)
            : throw new ArgumentException($"Unknown strategy '{name}'. Known: {string.Join(", ", KnownNames)}.", nameof(name));
    }

    /// <summary>Parses a comma-separated list (e.g. <c>gp-ei,random</c>); duplicates are an error.</summary>
    public static IReadOnlyList<BenchmarkStrategy> ParseList(string names, int gpRestarts = 2)
    {
        ArgumentNullException.ThrowIfNull(names);
        var parsed = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => Parse(n, gpRestarts)).ToArray();
        if (parsed.Length == 0)
        {
            throw new ArgumentException("Give at least one strategy.", nameof(names));
        }

        var duplicate = parsed.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? parsed : throw new ArgumentException($"Strategy '{duplicate.Key}' is listed twice.", nameof(names));
    }

    /// <summary>The surrogate of one campaign; throws for the random strategy.</summary>
    public ISurrogate CreateSurrogate(int seed) =>
        _surrogate is { } factory ? factory(seed) : throw new InvalidOperationException("The random strategy has no surrogate.");

    /// <inheritdoc />
    public override string ToString() => Name;
}
