using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Designs;
using SelfDrivingLab.Optimization.Feasibility;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Thompson sampling: draws one function from the joint posterior over a seeded Sobol candidate set (mean plus the
/// Cholesky factor of the predictive covariance times standard normals) and proposes the candidate whose sampled score
/// is best (weighted by the probability of success when failures are known, see FeasibilityWeighting). Models without a joint posterior are sampled from their marginals (independent draws). Deterministic for a
/// given seed; not thread-safe.
/// </summary>
internal sealed class ThompsonSearch(SpaceEncoder encoder, ISurrogateModel model, Objective objective, double bestScore, FeasibilityClassifier? feasibility = null)
{
    /// <summary>Largest joint sample (the covariance factor costs m³/3).</summary>
    public const int MaxCandidates = 1024;

    public const string Name = "thompson";

    public ScoredCandidate? FindBest(int candidateCount, int seed, IReadOnlySet<ParameterSet> excluded, CancellationToken cancellationToken)
    {
        var count = Math.Min(candidateCount, MaxCandidates);
        var design = encoder.DesignDimension <= JoeKuoDirectionNumbers.MaxDimension
            ? new SobolSequence(encoder.DesignDimension, seed).Take(count)
            : InitialDesign.UnitPoints(InitialDesignKind.Random, encoder.DesignDimension, count, seed);
        var encoded = new double[count][];
        for (var i = 0; i < count; i++)
        {
            encoded[i] = new double[encoder.Dimension];
            encoder.DesignToEncoded(design[i], encoded[i]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var random = new Random(seed);
        var (sample, mean, sd) = Sample(model, encoded, random);
        var value = new double[count];
        var probabilities = new double[count];
        feasibility?.ProbabilitiesOfSuccess(encoded, probabilities);
        for (var i = 0; i < count; i++)
        {
            value[i] = objective.Score(sample[i]);
            if (feasibility is not null)
            {
                value[i] = FeasibilityWeighting.Value(value[i], probabilities[i], bestScore, nonNegative: false);
            }
        }

        var order = Enumerable.Range(0, count).OrderByDescending(i => value[i]).ThenBy(i => i);
        foreach (var i in order)
        {
            var parameters = encoder.FromDesign(design[i]);
            if (!excluded.Contains(parameters) && encoder.Space.SatisfiesConstraints(parameters))
            {
                return new ScoredCandidate(parameters, encoder.Encode(parameters), value[i], mean[i], sd[i]);
            }
        }

        return null;
    }

    /// <summary>One joint posterior draw at <paramref name="x"/> (marginal draws for models without a joint posterior), with the means and standard deviations.</summary>
    internal static (double[] Sample, double[] Mean, double[] StandardDeviation) Sample(ISurrogateModel model, double[][] x, Random random)
    {
        var m = x.Length;
        var mean = new double[m];
        var sd = new double[m];
        var normals = new double[m];
        for (var i = 0; i < m; i++)
        {
            normals[i] = Gaussian(random);
        }

        var sample = new double[m];
        if (model is IJointPredictiveModel joint)
        {
            var factor = new double[m * m];
            try
            {
                joint.PredictJointFactor(x, mean, factor);
                for (var i = 0; i < m; i++)
                {
                    var value = mean[i];
                    var variance = 0.0;
                    for (var j = 0; j <= i; j++)
                    {
                        value += factor[(i * m) + j] * normals[j];
                        variance += factor[(i * m) + j] * factor[(i * m) + j];
                    }

                    (sample[i], sd[i]) = (value, Math.Sqrt(variance));
                }

                return (sample, mean, sd);
            }
            catch (ArgumentException)
            {
                // Numerically singular even with jitter: fall back to the marginals below.
            }
        }

        var variances = new double[m];
        model.Predict(x, mean, variances);
        for (var i = 0; i < m; i++)
        {
            sd[i] = Math.Sqrt(Math.Max(variances[i], 0));
            sample[i] = mean[i] + (sd[i] * normals[i]);
        }

        return (sample, mean, sd);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
