namespace SelfDrivingLab.Optimization.Designs;

/// <summary>Random Latin hypercube designs: in every dimension each of the n equal strata holds exactly one point.</summary>
internal static class LatinHypercube
{
    /// <summary><paramref name="count"/> points in [0, 1)^<paramref name="dimension"/>.</summary>
    public static double[][] Generate(int count, int dimension, Random random)
    {
        var points = new double[count][];
        for (var i = 0; i < count; i++)
        {
            points[i] = new double[dimension];
        }

        var strata = new int[count];
        for (var d = 0; d < dimension; d++)
        {
            for (var i = 0; i < count; i++)
            {
                strata[i] = i;
            }

            random.Shuffle(strata);
            for (var i = 0; i < count; i++)
            {
                points[i][d] = (strata[i] + random.NextDouble()) / count;
            }
        }

        return points;
    }
}
