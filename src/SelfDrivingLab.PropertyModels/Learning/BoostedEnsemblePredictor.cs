namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>Mean and standard deviation over independently seeded boosted members. Immutable and thread-safe.</summary>
internal sealed record BoostedEnsemblePredictor(BoostedMember[] Members) : TabularPredictor
{
    public override void Predict(double[][] x, Span<double> mean, Span<double> standardDeviation) =>
        BlockEvaluation.Run(x, Members.Length, (m, block, width, output) => Members[m].Evaluate(block, width, output), mean, standardDeviation);
}
