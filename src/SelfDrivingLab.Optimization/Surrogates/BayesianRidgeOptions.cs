namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>Settings of <see cref="BayesianRidgeSurrogate"/> (defaults follow scikit-learn's BayesianRidge). Immutable.</summary>
public sealed record BayesianRidgeOptions
{
    /// <summary>1 for linear features, 2 to add all products xᵢxⱼ (i ≤ j) (default 1).</summary>
    public int PolynomialDegree { get; init; } = 1;

    /// <summary>Evidence-maximization iterations (default 300).</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when the coefficients move less than this in L1 norm (default 1e-3).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Gamma hyperprior (shape, rate) on the noise precision α (default 1e-6, 1e-6).</summary>
    public (double Shape, double Rate) AlphaPrior { get; init; } = (1e-6, 1e-6);

    /// <summary>Gamma hyperprior (shape, rate) on the weight precision λ (default 1e-6, 1e-6).</summary>
    public (double Shape, double Rate) LambdaPrior { get; init; } = (1e-6, 1e-6);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (PolynomialDegree is not (1 or 2))
        {
            throw new ArgumentException($"BayesianRidgeOptions.PolynomialDegree must be 1 or 2 (got {PolynomialDegree}).", nameof(PolynomialDegree));
        }

        if (MaxIterations < 1 || !(Tolerance > 0))
        {
            throw new ArgumentException("BayesianRidgeOptions.MaxIterations must be >= 1 and Tolerance > 0.", nameof(MaxIterations));
        }

        if (!(AlphaPrior.Shape >= 0 && AlphaPrior.Rate >= 0 && LambdaPrior.Shape >= 0 && LambdaPrior.Rate >= 0))
        {
            throw new ArgumentException("BayesianRidgeOptions hyperpriors must be >= 0.", nameof(AlphaPrior));
        }
    }
}
