namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>Mean and standard deviation over independently seeded boosted members. Immutable and thread-safe.</summary>
internal sealed record BoostedEnsemblePredictor(BoostedMember[] Members) : TabularPredictor
{
    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation) =>
        BlockEvaluation.Run(x, Members.Length, (m, rows, output) => Members[m].Evaluate(rows.Span, output), mean, standardDeviation);
}
