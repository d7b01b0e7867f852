namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>Mean and population standard deviation of an ensemble's predictions.</summary>
internal static class Spread
{
    public static (double Mean, double StandardDeviation) Of(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return (mean, Math.Sqrt(sum / values.Length));
    }
}
