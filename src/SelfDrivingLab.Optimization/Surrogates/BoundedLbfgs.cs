namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Minimizes a smooth function on a box by projected L-BFGS: the two-loop recursion (memory <see cref="Memory"/>) on
/// the variables not held at a bound, a backtracking Armijo search along the projected path, and scipy's L-BFGS-B
/// stopping rules (projected gradient below <see cref="GradientTolerance"/> or relative progress below
/// <see cref="FunctionTolerance"/>). Written for the GP likelihood, where each evaluation costs O(n³), so what matters is
/// few evaluations: a full step is accepted in most iterations. Deterministic; thread-safe (no state).
/// </summary>
internal static class BoundedLbfgs
{
    private const int Memory = 8;
    private const double GradientTolerance = 1e-5;
    private const double FunctionTolerance = 2.2e-9;
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 20;

    /// <summary>f(x) returns the value and writes the gradient into its second argument; non-finite values are rejected steps.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    /// <summary>The last accepted point, its value, the number of evaluations, and whether a stopping rule (rather than the iteration limit) ended the search.</summary>
    public static (double[] Point, double Value, int Evaluations, bool Converged) Minimize(
        Objective objective, double[] start, double[] lower, double[] upper, int maxIterations, CancellationToken cancellationToken)
    {
        var n = start.Length;
        var x = Project((double[])start.Clone(), lower, upper);
        var g = new double[n];
        var value = objective(x, g);
        var evaluations = 1;
        if (!double.IsFinite(value))
        {
            return (x, value, evaluations, true);
        }

        var s = new List<double[]>(Memory);
        var y = new List<double[]>(Memory);
        var candidate = new double[n];
        var candidateGradient = new double[n];
        var converged = false;
        for (var iteration = 0; iteration < maxIterations && !converged; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ProjectedGradientNorm(x, g, lower, upper) < GradientTolerance)
            {
                converged = true;
                break;
            }

            var direction = Direction(x, g, lower, upper, s, y);
            var slope = Dot(direction, g);
            if (!(slope < 0))
            {
                s.Clear();
                y.Clear();
                direction = Direction(x, g, lower, upper, s, y);
                slope = Dot(direction, g);
                if (!(slope < 0))
                {
                    converged = true;
                    break;
                }
            }

            // The first step of a fresh memory is scaled so that it moves at most one unit (in log hyperparameters).
            var step = s.Count == 0 ? Math.Min(1, 1 / Math.Sqrt(Dot(direction, direction))) : 1;
            var accepted = false;
            var candidateValue = double.NaN;
            for (var backtrack = 0; backtrack < MaxBacktracks; backtrack++)
            {
                for (var i = 0; i < n; i++)
                {
                    candidate[i] = Math.Clamp(x[i] + (step * direction[i]), lower[i], upper[i]);
                }

                candidateValue = objective(candidate, candidateGradient);
                evaluations++;
                var decrease = 0.0;
                for (var i = 0; i < n; i++)
                {
                    decrease += g[i] * (candidate[i] - x[i]);
                }

                if (double.IsFinite(candidateValue) && candidateValue <= value + (Armijo * decrease))
                {
                    accepted = true;
                    break;
                }

                step /= 2;
            }

            if (!accepted)
            {
                converged = true;
                break;
            }

            var sk = new double[n];
            var yk = new double[n];
            for (var i = 0; i < n; i++)
            {
                sk[i] = candidate[i] - x[i];
                yk[i] = candidateGradient[i] - g[i];
            }

            if (Dot(sk, yk) > 1e-10 * Dot(yk, yk))
            {
                if (s.Count == Memory)
                {
                    s.RemoveAt(0);
                    y.RemoveAt(0);
                }

                s.Add(sk);
                y.Add(yk);
            }

            var progress = (value - candidateValue) / Math.Max(Math.Max(Math.Abs(value), Math.Abs(candidateValue)), 1);
            Array.Copy(candidate, x, n);
            Array.Copy(candidateGradient, g, n);
            value = candidateValue;
            converged = progress <= FunctionTolerance;
        }

        return (x, value, evaluations, converged);
    }

    /// <summary>-H·g by the two-loop recursion, restricted to free variables (those not pushed against a bound).</summary>
    private static double[] Direction(double[] x, double[] g, double[] lower, double[] upper, List<double[]> s, List<double[]> y)
    {
        var n = x.Length;
        var free = new bool[n];
        var q = new double[n];
        for (var i = 0; i < n; i++)
        {
            free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
            q[i] = free[i] ? g[i] : 0;
        }

        var alphas = new double[s.Count];
        for (var k = s.Count - 1; k >= 0; k--)
        {
            alphas[k] = MaskedDot(s[k], q, free) / MaskedDot(y[k], s[k], free, fallback: 1);
            for (var i = 0; i < n; i++)
            {
                q[i] -= free[i] ? alphas[k] * y[k][i] : 0;
            }
        }

        if (s.Count > 0)
        {
            var last = s.Count - 1;
            var gamma = Dot(s[last], y[last]) / Dot(y[last], y[last]);
            for (var i = 0; i < n; i++)
            {
                q[i] *= gamma;
            }
        }

        for (var k = 0; k < s.Count; k++)
        {
            var beta = MaskedDot(y[k], q, free) / MaskedDot(y[k], s[k], free, fallback: 1);
            for (var i = 0; i < n; i++)
            {
                q[i] += free[i] ? (alphas[k] - beta) * s[k][i] : 0;
            }
        }

        for (var i = 0; i < n; i++)
        {
            q[i] = free[i] ? -q[i] : 0;
        }

        return q;
    }

    private static double MaskedDot(double[] a, double[] b, bool[] mask, double fallback = 0)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += mask[i] ? a[i] * b[i] : 0;
        }

        return fallback != 0 && !(Math.Abs(sum) > 1e-300) ? fallback : sum;
    }

    private static double ProjectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper)
    {
        var norm = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var projected = Math.Clamp(x[i] - g[i], lower[i], upper[i]) - x[i];
            norm = Math.Max(norm, Math.Abs(projected));
        }

        return norm;
    }

    private static double[] Project(double[] x, double[] lower, double[] upper)
    {
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(x[i], lower[i], upper[i]);
        }

        return x;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
