using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// Pool-based proposal: ranks every unmeasured candidate by the acquisition of a fitted surrogate, predicting in chunks
/// so memory stays bounded, and returns the best (the lowest index on a tie, for reproducibility).
/// </summary>
internal static class PoolSelector
{
    private const int ChunkSize = 2048;

    public static int Pick(ISurrogateModel model, IAcquisitionFunction acquisition, double[][] pool, IReadOnlyList<int> unmeasured, double bestScore)
    {
        var count = Math.Min(ChunkSize, unmeasured.Count);
        var rows = new double[count][];
        var mean = new double[count];
        var variance = new double[count];
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var start = 0; start < unmeasured.Count; start += ChunkSize)
        {
            var length = Math.Min(ChunkSize, unmeasured.Count - start);
            if (length != rows.Length)
            {
                rows = new double[length][];
            }

            for (var i = 0; i < length; i++)
            {
                rows[i] = pool[unmeasured[start + i]];
            }

            model.Predict(rows, mean.AsSpan(0, length), variance.AsSpan(0, length));
            for (var i = 0; i < length; i++)
            {
                var value = acquisition.RankingValue(mean[i], Math.Sqrt(Math.Max(variance[i], 0)), bestScore);
                if (value > bestValue || best < 0)
                {
                    // NaN never wins a comparison; the first candidate is the fallback so a pick always exists.
                    (best, bestValue) = (unmeasured[start + i], double.IsNaN(value) ? double.NegativeInfinity : value);
                }
            }
        }

        return best;
    }
}
