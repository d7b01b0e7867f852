namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// GP hyperparameters on the standardized y scale. As a vector θ (the optimizer's view):
/// [log ℓ₁ … log ℓ_d, log σ_f², log σ_n²].
/// </summary>
/// <param name="LengthScales">ARD length scales on the unit cube.</param>
/// <param name="SignalVariance">σ_f².</param>
/// <param name="NoiseVariance">σ_n².</param>
internal sealed record GaussianProcessHyperparameters(double[] LengthScales, double SignalVariance, double NoiseVariance)
{
    public static GaussianProcessHyperparameters FromLog(ReadOnlySpan<double> theta)
    {
        var d = theta.Length - 2;
        var lengthScales = new double[d];
        for (var i = 0; i < d; i++)
        {
            lengthScales[i] = Math.Exp(theta[i]);
        }

        return new(lengthScales, Math.Exp(theta[d]), Math.Exp(theta[d + 1]));
    }

    public double[] ToLog() => [.. LengthScales.Select(l => Math.Log(l)), Math.Log(SignalVariance), Math.Log(NoiseVariance)];
}
