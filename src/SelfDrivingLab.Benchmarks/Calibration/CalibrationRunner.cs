using MathNet.Numerics.Distributions;
using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Benchmarks.Protocol;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Benchmarks.Calibration;

/// <summary>
/// Measures whether a proposer's predictive distribution of a measurement is calibrated: the candidates are split
/// into k folds (repeatedly); for each fold, the surrogate is fitted (<see cref="IProposer.Predict"/>) on at most
/// <see cref="CalibrationSettings.MaxTraining"/> candidates of the other folds, each contributing one of its replicate
/// measurements chosen at random, as a campaign would see them; then every replicate row of the held-out candidates,
/// and every other replicate of the training candidates, is tested against the central
/// <see cref="CalibrationSettings.Level"/> interval of N(mean, sd² + noise sd²). Thread-safe (stateless).
/// </summary>
public static class CalibrationRunner
{
    /// <summary>Runs the benchmark; throws <see cref="ArgumentException"/> for invalid settings or a pool too small to split.</summary>
    public static CalibrationReport Run(BenchmarkDataset dataset, BenchmarkStrategy strategy, CalibrationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (dataset.CandidateCount < 2 * settings.Folds)
        {
            throw new ArgumentException($"The pool has {dataset.CandidateCount} candidates; {settings.Folds} folds need at least {2 * settings.Folds}.", nameof(dataset));
        }

        var objective = new Objective(dataset.TargetName, ObjectiveGoal.Maximize);
        var pool = new BenchmarkPool(dataset, objective);
        var z = Normal.InvCDF(0, 1, 0.5 + (settings.Level / 2));
        var jobs = settings.Repeats * settings.Folds;
        var results = new FoldResult[jobs];
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, jobs, options, job =>
        {
            var (repeat, fold) = (job / settings.Folds, job % settings.Folds);
            results[job] = RunFold(dataset, pool, objective, strategy, settings, repeat, fold, z, cancellationToken);
        });

        var anyReplicates = dataset.ReplicateCounts.Any(c => c > 1);
        return new CalibrationReport(
            dataset.ToString(),
            strategy.Name,
            settings.Level,
            jobs,
            Quantiles.Of(results.Select(r => (double)r.Training), 0.5),
            results.Aggregate(default(Coverage), (sum, r) => sum + r.HeldOut),
            anyReplicates ? results.Aggregate(default(Coverage), (sum, r) => sum + r.Replicates) : null,
            Quantiles.Of(results.Select(r => r.NoiseStandardDeviation), 0.5),
            anyReplicates ? PooledStandardDeviation(dataset) : null,
            anyReplicates ? Quantiles.Of(dataset.Replicates.Where(r => r.Count > 1).Select(SampleStandardDeviation), 0.5) : null);
    }

    private static FoldResult RunFold(
        BenchmarkDataset dataset, BenchmarkPool pool, Objective objective, BenchmarkStrategy strategy, CalibrationSettings settings, int repeat, int fold, double z, CancellationToken cancellationToken)
    {
        // The shuffle depends on the repeat only, so the folds of one repeat partition the candidates.
        var order = Enumerable.Range(0, dataset.CandidateCount).ToArray();
        new Random(unchecked((settings.Seed * 7919) + repeat)).Shuffle(order);
        var test = order.Where((_, position) => position % settings.Folds == fold).ToArray();
        var training = order.Where((_, position) => position % settings.Folds != fold).Take(settings.MaxTraining).ToArray();
        var random = new Random(unchecked((settings.Seed * 7919) + (repeat * 131) + fold + 1));
        var used = training.Select(i => random.Next(dataset.ReplicateCounts[i])).ToArray();
        var observations = training.Select((i, k) => new Observation(pool.Candidates.Candidates[i], dataset.Replicates[i][used[k]])).ToArray();
        var proposer = ProposerFactory.Create(pool.Candidates, objective, strategy.Settings with { Seed = unchecked(settings.Seed + (repeat * settings.Folds) + fold), InitialCount = 1 });
        IReadOnlyList<ParameterSet> at = [.. training.Concat(test).Select(i => pool.Candidates.Candidates[i])];
        var predictions = proposer.Predict(observations, at, cancellationToken);

        var heldOut = default(Coverage);
        for (var k = 0; k < test.Length; k++)
        {
            heldOut += Test(predictions[training.Length + k], dataset.Replicates[test[k]], skip: -1, z);
        }

        var replicates = default(Coverage);
        for (var k = 0; k < training.Length; k++)
        {
            replicates += Test(predictions[k], dataset.Replicates[training[k]], skip: used[k], z);
        }

        return new FoldResult(training.Length, heldOut, replicates, predictions[0].NoiseStandardDeviation);
    }

    private static Coverage Test(Prediction prediction, IReadOnlyList<double> measurements, int skip, double z)
    {
        var half = z * prediction.MeasurementStandardDeviation;
        var (tests, covered) = (0, 0);
        for (var j = 0; j < measurements.Count; j++)
        {
            if (j != skip)
            {
                tests++;
                covered += Math.Abs(measurements[j] - prediction.Mean) <= half ? 1 : 0;
            }
        }

        return new Coverage(tests, covered);
    }

    private static double PooledStandardDeviation(BenchmarkDataset dataset)
    {
        var (squares, degrees) = (0.0, 0);
        foreach (var replicates in dataset.Replicates.Where(r => r.Count > 1))
        {
            var mean = replicates.Average();
            squares += replicates.Sum(v => (v - mean) * (v - mean));
            degrees += replicates.Count - 1;
        }

        return Math.Sqrt(squares / degrees);
    }

    private static double SampleStandardDeviation(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    private readonly record struct FoldResult(int Training, Coverage HeldOut, Coverage Replicates, double NoiseStandardDeviation);
}
