using SelfDrivingLab.Optimization.Objectives;

namespace SelfDrivingLab.Optimization.Acquisition;

/// <summary>
/// Expected hypervolume improvement (EHVI) of a Pareto front for a candidate whose scores are independent Gaussians
/// Y_j ~ N(μ_j, σ_j²) (one model per objective; scores larger-is-better). Exact, in closed form: the region the front
/// does not dominate above the reference point is split into disjoint boxes [l_b, u_b) (<see cref="HypervolumeBoxes"/>),
/// the improvement of y is Σ_b Π_j (min(y_j, u_bj) - l_bj)⁺, and by independence its expectation factorizes per box:
/// E[(min(Y, u) - l)⁺] = E[(Y - l)⁺] - E[(Y - u)⁺] with E[(Y - a)⁺] = σ·h((μ - a)/σ), h(z) = zΦ(z) + φ(z) (Yang et
/// al. 2019; BoTorch's analytic EHVI). Computed in log space (<see cref="LogEvaluate"/>), so that candidates far from
/// the front, whose EHVI underflows, are still ranked. Immutable and thread-safe.
/// </summary>
public sealed class ExpectedHypervolumeImprovement
{
    /// <summary>Name recorded in provenance.</summary>
    public const string Name = "ehvi";

    private readonly BoxDecomposition _boxes;

    /// <summary>Decomposes the region <paramref name="front"/> does not dominate above <paramref name="reference"/>.</summary>
    /// <param name="front">Score vectors of the current front (dominated or sub-reference vectors are allowed and add nothing).</param>
    /// <param name="reference">The reference point, in scores (see <see cref="ReferencePoint"/>).</param>
    /// <exception cref="ArgumentException">Fewer than two objectives, or vectors of the wrong length or non-finite.</exception>
    public ExpectedHypervolumeImprovement(IReadOnlyList<IReadOnlyList<double>> front, IReadOnlyList<double> reference)
    {
        _boxes = HypervolumeBoxes.Decompose(front, reference);
        Reference = [.. reference];
    }

    /// <summary>The reference point.</summary>
    public IReadOnlyList<double> Reference { get; }

    /// <summary>Number of boxes of the non-dominated region (n + 1 for a two-objective front of n points).</summary>
    public int BoxCount => _boxes.Count;

    /// <summary>The hypervolume a known score vector <paramref name="y"/> would add (the improvement EHVI takes the expectation of).</summary>
    public double Improvement(IReadOnlyList<double> y) => _boxes.Improvement(y);

    /// <summary>EHVI for scores ~ N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²), independent.</summary>
    public double Evaluate(ReadOnlySpan<double> mean, ReadOnlySpan<double> standardDeviation) => Math.Exp(LogEvaluate(mean, standardDeviation));

    /// <summary>log EHVI (-∞ when the improvement is surely 0, e.g. a certain point inside the dominated region).</summary>
    /// <exception cref="ArgumentException">Spans whose length is not the number of objectives.</exception>
    public double LogEvaluate(ReadOnlySpan<double> mean, ReadOnlySpan<double> standardDeviation)
    {
        var m = _boxes.Objectives;
        if (mean.Length != m || standardDeviation.Length != m)
        {
            throw new ArgumentException($"EHVI needs {m} means and standard deviations, one per objective (got {mean.Length} and {standardDeviation.Length}).", nameof(mean));
        }

        // log E[(Y_j - a)⁺] at every grid coordinate a of objective j; index Length stands for +∞ (expectation 0).
        var logTail = new double[m][];
        for (var j = 0; j < m; j++)
        {
            var coordinates = _boxes.Coordinates[j];
            logTail[j] = new double[coordinates.Length + 1];
            for (var c = 0; c < coordinates.Length; c++)
            {
                logTail[j][c] = LogPositivePart(mean[j], standardDeviation[j], coordinates[c]);
            }

            logTail[j][coordinates.Length] = double.NegativeInfinity;
        }

        var max = double.NegativeInfinity;
        var logTerms = new double[_boxes.Count];
        for (var b = 0; b < _boxes.Count; b++)
        {
            var sum = 0.0;
            for (var j = 0; j < m && sum > double.NegativeInfinity; j++)
            {
                sum += LogDifference(logTail[j][_boxes.Lower[b][j]], logTail[j][_boxes.Upper[b][j]]);
            }

            logTerms[b] = sum;
            max = Math.Max(max, sum);
        }

        if (double.IsNegativeInfinity(max))
        {
            return max;
        }

        var total = 0.0;
        foreach (var term in logTerms)
        {
            total += Math.Exp(term - max);
        }

        return max + Math.Log(total);
    }

    /// <summary>log E[(Y - a)⁺] for Y ~ N(μ, σ²): log σ + log h((μ - a)/σ), or log (μ - a)⁺ when σ = 0.</summary>
    internal static double LogPositivePart(double mean, double standardDeviation, double a) =>
        standardDeviation > 0
            ? Math.Log(standardDeviation) + StandardNormal.LogExpectedImprovementFactor((mean - a) / standardDeviation)
            : mean > a ? Math.Log(mean - a) : double.NegativeInfinity;

    /// <summary>log(e^a - e^b) for a ≥ b (-∞ when they are equal), without cancellation: a + log(1 - e^(b - a)).</summary>
    internal static double LogDifference(double a, double b)
    {
        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        var x = b - a;
        if (!(x < 0))
        {
            return double.NegativeInfinity;
        }

        // log(1 - e^x): -expm1(x) near 0 (series below 1e-5, where e^x - 1 would cancel), log(1 - e^x) further out.
        var oneMinus = x > -1e-5 ? -(x + (x * x / 2) + (x * x * x / 6)) : x > -0.6931471805599453 ? -(Math.Exp(x) - 1) : 1 - Math.Exp(x);
        return a + Math.Log(oneMinus);
    }
}
