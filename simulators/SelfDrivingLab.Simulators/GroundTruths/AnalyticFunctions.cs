namespace SelfDrivingLab.Simulators;

/// <summary>
/// Standard optimization test functions (all minimized) with their domains and known minima.
/// Thread-safe (stateless).
/// </summary>
public static class AnalyticFunctions
{
    /// <summary>Names accepted by <see cref="Evaluate"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["branin", "hartmann3", "hartmann6", "ackley", "sphere", "perovskite_band_gap"];

    private static readonly double[,] Hartmann3A = { { 3, 10, 30 }, { 0.1, 10, 35 }, { 3, 10, 30 }, { 0.1, 10, 35 } };
    private static readonly double[,] Hartmann3P =
    {
        { 0.3689, 0.1170, 0.2673 }, { 0.4699, 0.4387, 0.7470 }, { 0.1091, 0.8732, 0.5547 }, { 0.0381, 0.5743, 0.8828 },
    };

    private static readonly double[,] Hartmann6A =
    {
        { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] Hartmann6P =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 },
        { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 },
        { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    private static readonly double[] HartmannAlpha = [1.0, 1.2, 3.0, 3.2];

    /// <summary>The dimension <paramref name="function"/> requires, or null when any dimension of at least 1 works.</summary>
    public static int? Dimension(string function) => Normalize(function) switch
    {
        "branin" => 2,
        "hartmann3" => 3,
        "hartmann6" => 6,
        "perovskite_band_gap" => 2,
        _ => null,
    };

    /// <summary>Evaluates <paramref name="function"/> at <paramref name="x"/>; errors name the function and what is wrong.</summary>
    public static double Evaluate(string function, IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var name = Normalize(function);
        var dimension = Dimension(name);
        if ((dimension is { } d && x.Count != d) || x.Count == 0)
        {
            throw new ArgumentException($"Function '{name}' takes {dimension?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "at least 1"} input(s), not {x.Count}.", nameof(x));
        }

        return name switch
        {
            "branin" => Branin(x[0], x[1]),
            "hartmann3" => Hartmann(x, Hartmann3A, Hartmann3P),
            "hartmann6" => Hartmann(x, Hartmann6A, Hartmann6P),
            "ackley" => Ackley(x),
            "perovskite_band_gap" => PerovskiteBandGap(x[0], x[1]),
            _ => x.Sum(v => v * v),
        };
    }

    /// <summary>The canonical name, or an error listing the known functions.</summary>
    public static string Normalize(string function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(function);
        var name = function.Trim().ToLowerInvariant();
        return Names.Contains(name)
            ? name
            : throw new ArgumentException($"Unknown analytic function '{function}' (known: {string.Join(", ", Names)}).", nameof(function));
    }

    /// <summary>Branin–Hoo on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887 at (-π, 12.275), (π, 2.275), (9.42478, 2.475).</summary>
    public static double Branin(double x1, double x2)
    {
        const double b = 5.1 / (4 * Math.PI * Math.PI);
        const double c = 5 / Math.PI;
        const double t = 1 / (8 * Math.PI);
        var u = x2 - (b * x1 * x1) + (c * x1) - 6;
        return (u * u) + (10 * (1 - t) * Math.Cos(x1)) + 10;
    }

    /// <summary>Ackley (a = 20, b = 0.2, c = 2π) on [-32.768, 32.768]^n; minimum 0 at the origin.</summary>
    public static double Ackley(IReadOnlyList<double> x)
    {
        var n = x.Count;
        var squares = x.Sum(v => v * v) / n;
        var cosines = x.Sum(v => Math.Cos(2 * Math.PI * v)) / n;
        return (-20 * Math.Exp(-0.2 * Math.Sqrt(squares))) - Math.Exp(cosines) + 20 + Math.E;
    }

    /// <summary>
    /// A model band gap in eV of a tin-lead iodide perovskite film (MAPb₁₋ₓSnₓI₃-like) with tin fraction
    /// <paramref name="tinFraction"/> x in [0, 1], annealed at <paramref name="annealCelsius"/> T:
    /// Eg = 1.55 (1 − x) + 1.24 x − 0.75 x (1 − x) + 0.10 exp(−(T − 100) / 50).
    /// The bowed Vegard term has its minimum 1.1755 eV at x = 0.7067; the last term is the blue shift
    /// of an under-annealed (poorly crystallized) film, fading with temperature.
    /// </summary>
    public static double PerovskiteBandGap(double tinFraction, double annealCelsius)
    {
        var x = tinFraction;
        return (1.55 * (1 - x)) + (1.24 * x) - (0.75 * x * (1 - x)) + (0.10 * Math.Exp(-(annealCelsius - 100) / 50));
    }

    // Hartmann on [0, 1]^d: -Σ αᵢ exp(-Σⱼ Aᵢⱼ (xⱼ - Pᵢⱼ)²); minima -3.86278 (d = 3) and -3.32237 (d = 6).
    private static double Hartmann(IReadOnlyList<double> x, double[,] a, double[,] p)
    {
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < x.Count; j++)
            {
                var d = x[j] - p[i, j];
                inner += a[i, j] * d * d;
            }

            sum += HartmannAlpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }
}
