namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>Mean and standard deviation over independently seeded boosted members. Immutable and thread-safe.</summary>
internal sealed record BoostedEnsemblePredictor(BoostedMember[] Members) : TabularPredictor
{
    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation)
    {
        var means = new double[x.Length];
        var deviations = new double[x.Length];
        Parallel.For(0, x.Length, row =>
        {
            var values = new double[Members.Length];
            for (var m = 0; m < Members.Length; m++)
            {
                values[m] = Members[m].Evaluate(x[row]);
            }

            (means[row], deviations[row]) = Spread.Of(values);
        });
        means.CopyTo(mean);
        deviations.CopyTo(standardDeviation);
    }
}
