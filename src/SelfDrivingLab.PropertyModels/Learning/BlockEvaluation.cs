namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// Evaluates an ensemble over rows in parallel blocks: each block is copied into a single-precision array, gets one value
/// per ensemble member and row, and the row's mean and standard deviation over the members are written out.
/// </summary>
internal static class BlockEvaluation
{
    private const int BlockRows = 128;

    /// <summary>Calls <paramref name="evaluateMember"/>(member, block, width, outputs) for every member and block; writes the spread per row.</summary>
    public static void Run(double[][] x, int members, Action<int, float[], int, double[]> evaluateMember, Span<double> mean, Span<double> standardDeviation)
    {
        var means = new double[x.Length];
        var deviations = new double[x.Length];
        var width = x.Length == 0 ? 0 : x[0].Length;
        var blocks = (x.Length + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, b =>
        {
            var start = b * BlockRows;
            var count = Math.Min(BlockRows, x.Length - start);
            var block = PackedForest.Block(x.AsSpan(start, count), width);
            var values = new double[members][];
            for (var m = 0; m < members; m++)
            {
                values[m] = new double[count];
                evaluateMember(m, block, width, values[m]);
            }

            var row = new double[members];
            for (var r = 0; r < count; r++)
            {
                for (var m = 0; m < members; m++)
                {
                    row[m] = values[m][r];
                }

                (means[start + r], deviations[start + r]) = Spread.Of(row);
            }
        });
        means.CopyTo(mean);
        deviations.CopyTo(standardDeviation);
    }
}
