using System.Globalization;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// A named proposer configuration to benchmark: <see cref="Settings"/> are given to <see cref="ProposerFactory"/>, with
/// the seed and the initial count set by the protocol. Immutable.
/// </summary>
/// <param name="Name">The name reported in results.</param>
/// <param name="Settings">The proposer settings (seed and initial count are replaced per campaign).</param>
public sealed record BenchmarkStrategy(string Name, ProposerSettings Settings)
{
    /// <summary>The strategy a campaign file without <c>surrogate</c> and <c>acquisition</c> gets.</summary>
    public const string DefaultName = "default";

    /// <summary>Names accepted by <see cref="Parse"/> (before any <c>:</c> overrides).</summary>
    public static IReadOnlyList<string> KnownNames { get; } =
        [DefaultName, "random", "gp-ei", "gp-ucb", "gp-pi", "gp-ts", "ridge-ei", "ridge-ucb", "ridge-pi", "rf-ei", "rf-ucb"];

    /// <summary>The uniform random baseline (a proposer without a model walks its seeded permutation of the pool).</summary>
    public static BenchmarkStrategy Random { get; } = new("random", Defaults with { Surrogate = SurrogateKind.Random });

    private static ProposerSettings Defaults => ProposerSettings.Default(dimensions: 1, seed: 0);

    /// <summary>
    /// Parses <c>default</c>, <c>random</c> or <c>&lt;surrogate&gt;-&lt;acquisition&gt;</c> (surrogate <c>gp</c>,
    /// <c>ridge</c> or <c>rf</c>; acquisition <c>ei</c>, <c>ucb</c>, <c>pi</c> or, for gp, <c>ts</c>), each on top of
    /// <see cref="ProposerSettings.Default"/>, then <paramref name="overrides"/>, then any <c>:</c>-separated overrides
    /// of its own: a bare number (ξ for ei/pi, β for ucb) or <c>xi=</c>, <c>beta=</c>, <c>restarts=</c>,
    /// <c>kernel=</c> (matern52, matern32, rbf), e.g. <c>gp-ucb:2</c> or <c>gp-ei:xi=0:restarts=8</c>. Throws
    /// <see cref="ArgumentException"/> for an unknown name or override.
    /// </summary>
    public static BenchmarkStrategy Parse(string name, StrategyOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim().ToLowerInvariant();
        var parts = text.Split(':');
        var settings = parts[0] switch
        {
            DefaultName => Defaults,
            "random" => Random.Settings,
            _ => Named(parts[0]) ?? throw new ArgumentException(
                $"Unknown strategy '{name}'. Known: {string.Join(", ", KnownNames)} (optionally with :<ξ or β> or :key=value, e.g. gp-ucb:2, gp-ei:xi=0).",
                nameof(name)),
        };
        settings = (overrides ?? StrategyOverrides.None).Apply(settings);
        foreach (var part in parts.Skip(1))
        {
            settings = Override(settings, part, name);
        }

        return new BenchmarkStrategy(text, settings);
    }

    /// <summary>Parses a comma-separated list (e.g. <c>default,gp-ucb,random</c>); duplicates are an error.</summary>
    public static IReadOnlyList<BenchmarkStrategy> ParseList(string names, StrategyOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        var parsed = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => Parse(n, overrides)).ToArray();
        if (parsed.Length == 0)
        {
            throw new ArgumentException("Give at least one strategy.", nameof(names));
        }

        var duplicate = parsed.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? parsed : throw new ArgumentException($"Strategy '{duplicate.Key}' is listed twice.", nameof(names));
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    private static ProposerSettings? Named(string head)
    {
        var dash = head.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0)
        {
            return null;
        }

        SurrogateKind? surrogate = head[..dash] switch
        {
            "gp" => SurrogateKind.GaussianProcess,
            "ridge" => SurrogateKind.BayesianRidge,
            "rf" => SurrogateKind.RandomForest,
            _ => null,
        };
        AcquisitionKind? acquisition = head[(dash + 1)..] switch
        {
            "ei" => AcquisitionKind.ExpectedImprovement,
            "ucb" => AcquisitionKind.UpperConfidenceBound,
            "pi" => AcquisitionKind.ProbabilityOfImprovement,
            "ts" when surrogate == SurrogateKind.GaussianProcess => AcquisitionKind.ThompsonSampling,
            _ => null,
        };
        return surrogate is { } s && acquisition is { } a ? Defaults with { Surrogate = s, Acquisition = a } : null;
    }

    private static ProposerSettings Override(ProposerSettings settings, string part, string name)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? (settings.Acquisition == AcquisitionKind.UpperConfidenceBound ? "beta" : "xi") : part[..equals];
        var value = equals < 0 ? part : part[(equals + 1)..];
        var number = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && double.IsFinite(parsed) ? parsed : (double?)null;
        return (key, number) switch
        {
            ("xi", { } xi) => settings with { Xi = xi },
            ("beta", { } beta) => settings with { Beta = beta },
            ("restarts", { } restarts) when restarts == Math.Floor(restarts) && restarts <= 100 => settings with { Restarts = (int)restarts },
            ("kernel", _) when Enum.TryParse<KernelKind>(value, ignoreCase: true, out var kernel) && Enum.IsDefined(kernel) => settings with { Kernel = kernel },
            _ => throw new ArgumentException(
                $"Strategy '{name}': cannot apply '{part}'. Use a number >= 0 (ξ for ei/pi, β for ucb) or xi=, beta=, restarts= (0-100), kernel= (matern52, matern32, rbf).",
                nameof(name)),
        };
    }
}
