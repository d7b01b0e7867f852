namespace SelfDrivingLab.Optimization.Surrogates;

/// <content>Closed-form leave-one-out predictions.</content>
internal sealed partial class GaussianProcessModel
{
    /// <summary>
    /// The standardized leave-one-out residuals zᵢ = (yᵢ − μ₋ᵢ)/σ₋ᵢ of the data, for fixed hyperparameters: the
    /// prediction of measurement i from all the others has μ₋ᵢ = yᵢ − αᵢ/[K⁻¹]ᵢᵢ and σ₋ᵢ² = 1/[K⁻¹]ᵢᵢ (noise included), so
    /// zᵢ = αᵢ/√[K⁻¹]ᵢᵢ (Rasmussen and Williams 2006, eq. 5.12). [K⁻¹]ᵢᵢ is the squared norm of column i of L⁻¹. O(n²).
    /// </summary>
    public double[] LeaveOneOutResiduals()
    {
        var n = DataCount;
        var diagonal = new double[n];
        for (var k = 0; k < n; k++)
        {
            var row = _inverseFactor.AsSpan(k * n, k + 1);
            for (var i = 0; i <= k; i++)
            {
                diagonal[i] += row[i] * row[i];
            }
        }

        var residuals = new double[n];
        for (var i = 0; i < n; i++)
        {
            residuals[i] = _alpha[i] / Math.Sqrt(diagonal[i]);
        }

        return residuals;
    }
}
