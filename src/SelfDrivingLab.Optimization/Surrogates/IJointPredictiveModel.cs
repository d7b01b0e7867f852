namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>A fitted model that can give the joint Gaussian posterior of several points (for Thompson sampling).</summary>
internal interface IJointPredictiveModel
{
    /// <summary>
    /// Writes the posterior mean (original y units) of each row of <paramref name="x"/> and the lower Cholesky factor
    /// of the joint covariance of the latent values (original units, row-major m×m) with jitter escalation.
    /// </summary>
    /// <exception cref="ArgumentException">The covariance is not positive definite even with jitter.</exception>
    void PredictJointFactor(double[][] x, Span<double> mean, Span<double> covarianceFactor);
}
