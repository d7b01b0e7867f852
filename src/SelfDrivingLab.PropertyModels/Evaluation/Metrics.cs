namespace SelfDrivingLab.PropertyModels.Evaluation;

/// <summary>Error measures of predictions against the truth. Thread-safe.</summary>
public static class Metrics
{
    /// <summary>Mean absolute error.</summary>
    public static double MeanAbsoluteError(IReadOnlyList<double> truth, IReadOnlyList<double> predicted) =>
        Pairs(truth, predicted).Average(p => Math.Abs(p.T - p.P));

    /// <summary>Root mean squared error.</summary>
    public static double RootMeanSquaredError(IReadOnlyList<double> truth, IReadOnlyList<double> predicted) =>
        Math.Sqrt(Pairs(truth, predicted).Average(p => (p.T - p.P) * (p.T - p.P)));

    /// <summary>Coefficient of determination 1 − SS_res/SS_tot (as scikit-learn's r2_score; 0 when the truth is constant and the fit perfect is not defined).</summary>
    public static double RSquared(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        var mean = truth.Average();
        var total = truth.Sum(t => (t - mean) * (t - mean));
        var residual = Pairs(truth, predicted).Sum(p => (p.T - p.P) * (p.T - p.P));
        return total > 0 ? 1 - (residual / total) : 0;
    }

    /// <summary>
    /// Area under the ROC curve of scores for 1/0 labels: the probability that a random positive scores above a random
    /// negative, ties counting one half (the Mann–Whitney statistic with mid-ranks). NaN when a class is absent.
    /// </summary>
    public static double RocAuc(IReadOnlyList<double> labels, IReadOnlyList<double> scores)
    {
        var pairs = Pairs(labels, scores).OrderBy(p => p.P).ToArray();
        var positives = pairs.Count(p => p.T > 0.5);
        var negatives = pairs.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var rankSum = 0.0;
        for (var start = 0; start < pairs.Length;)
        {
            var end = start;
            while (end + 1 < pairs.Length && pairs[end + 1].P == pairs[start].P)
            {
                end++;
            }

            var midRank = ((start + end) / 2.0) + 1;
            for (var i = start; i <= end; i++)
            {
                rankSum += pairs[i].T > 0.5 ? midRank : 0;
            }

            start = end + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Share of rows whose probability, thresholded at 0.5, matches the 1/0 label.</summary>
    public static double Accuracy(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities) =>
        Pairs(labels, probabilities).Average(p => (p.P >= 0.5) == (p.T > 0.5) ? 1.0 : 0.0);

    private static IEnumerable<(double T, double P)> Pairs(IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count || truth.Count == 0)
        {
            throw new ArgumentException($"Need as many predictions as true values, at least one (got {truth.Count} and {predicted.Count}).", nameof(predicted));
        }

        return truth.Select((t, i) => (t, predicted[i]));
    }
}
