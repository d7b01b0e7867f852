namespace SelfDrivingLab.Optimization.Objectives;

/// <summary>
/// ParEGO (Knowles 2006): turns 2–3 objectives into one cost to minimize. Each objective's score is normalized to a cost
/// in [0, 1] over the observations (0 = best seen), then c_λ = max_j λ_j c_j + ρ Σ_j λ_j c_j (augmented Chebyshev) for
/// weights λ on the simplex. A different seeded λ per proposal sweeps the Pareto front. Immutable and thread-safe.
/// </summary>
public sealed class ParEgoScalarization
{
    /// <summary>Creates the scalarization; throws <see cref="ArgumentException"/> unless there are 2 or 3 objectives and ρ ≥ 0.</summary>
    /// <param name="objectives">The objectives, in the order of each observation's values.</param>
    /// <param name="rho">Weight ρ of the linear term that breaks Chebyshev ties (default 0.05).</param>
    public ParEgoScalarization(IReadOnlyList<Objective> objectives, double rho = 0.05)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.Count is < 2 or > 3)
        {
            throw new ArgumentException($"ParEGO needs 2 or 3 objectives (got {objectives.Count}).", nameof(objectives));
        }

        Rho = rho >= 0 && double.IsFinite(rho) ? rho : throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be a finite number ≥ 0.");
        Objectives = objectives;
    }

    /// <summary>The objectives.</summary>
    public IReadOnlyList<Objective> Objectives { get; }

    /// <summary>The augmentation weight ρ.</summary>
    public double Rho { get; }

    /// <summary>Weights drawn uniformly from the simplex (Dirichlet(1)) with <paramref name="random"/>.</summary>
    public double[] RandomWeights(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var weights = new double[Objectives.Count];
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] = -Math.Log(1 - random.NextDouble());
        }

        var sum = weights.Sum();
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] /= sum;
        }

        return weights;
    }

    /// <summary>The scalarized cost (smaller is better) of each observation's measured values.</summary>
    /// <exception cref="ArgumentException">A value vector has the wrong length, or the weights are not a distribution.</exception>
    public double[] Costs(IReadOnlyList<IReadOnlyList<double>> measured, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(weights);
        var m = Objectives.Count;
        if (weights.Count != m || weights.Any(w => !(w >= 0)) || Math.Abs(weights.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException($"ParEGO needs {m} non-negative weights summing to 1.", nameof(weights));
        }

        if (measured.Any(v => v is null || v.Count != m))
        {
            throw new ArgumentException($"Every observation needs {m} values, one per objective.", nameof(measured));
        }

        var scores = measured.Select(v => Enumerable.Range(0, m).Select(j => Objectives[j].Score(v[j])).ToArray()).ToArray();
        var costs = new double[measured.Count];
        for (var j = 0; j < m; j++)
        {
            var best = scores.Max(s => s[j]);
            var worst = scores.Min(s => s[j]);
            var range = best - worst;
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i][j] = range > 0 ? (best - scores[i][j]) / range : 0;
            }
        }

        for (var i = 0; i < scores.Length; i++)
        {
            var max = 0.0;
            var sum = 0.0;
            for (var j = 0; j < m; j++)
            {
                max = Math.Max(max, weights[j] * scores[i][j]);
                sum += weights[j] * scores[i][j];
            }

            costs[i] = max + (Rho * sum);
        }

        return costs;
    }
}
