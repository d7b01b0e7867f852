namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>How a campaign uses a property model's predictions (<see cref="ModelPrior"/>).</summary>
public enum ModelPriorUse
{
    /// <summary>As the surrogate's prior mean: the surrogate learns the residual of the measurements from the prediction.</summary>
    Mean,

    /// <summary>As two more inputs beside the others: <c>predicted &lt;name&gt;</c> and <c>predicted &lt;name&gt;_uncertainty</c>.</summary>
    Feature,
}
