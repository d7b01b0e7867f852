namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>Checks and summarizes training data.</summary>
internal static class SurrogateData
{
    /// <summary>Throws <see cref="ArgumentException"/> unless x and y are non-empty, of equal length, rectangular and finite; returns the dimension.</summary>
    public static int Validate(double[][] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length == 0 || x.Length != y.Length)
        {
            throw new ArgumentException($"Need at least one observation and as many inputs as outputs (got {x.Length} inputs, {y.Length} outputs).", nameof(x));
        }

        var dimension = x[0]?.Length ?? 0;
        if (dimension == 0)
        {
            throw new ArgumentException("Inputs must have at least one coordinate.", nameof(x));
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] is null || x[i].Length != dimension)
            {
                throw new ArgumentException($"Input {i} has {x[i]?.Length ?? 0} coordinates; expected {dimension}.", nameof(x));
            }

            if (!double.IsFinite(y[i]) || x[i].Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"Observation {i} is not finite.", nameof(x));
            }
        }

        return dimension;
    }

    /// <summary>Mean and population standard deviation.</summary>
    public static (double Mean, double StandardDeviation) Moments(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var sumSquares = values.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(sumSquares / values.Count));
    }

    /// <summary>Checks that prediction inputs and outputs agree in shape.</summary>
    public static void ValidatePrediction(double[][] x, int dimension, int meanLength, int varianceLength)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (meanLength != x.Length || varianceLength != x.Length)
        {
            throw new ArgumentException($"Mean and variance spans need {x.Length} elements (got {meanLength} and {varianceLength}).", nameof(x));
        }

        foreach (var row in x)
        {
            if (row is null || row.Length != dimension)
            {
                throw new ArgumentException($"Every input needs {dimension} coordinates.", nameof(x));
            }
        }
    }
}
