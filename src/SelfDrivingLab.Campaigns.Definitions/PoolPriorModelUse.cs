namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>How a pool's <c>prior_model</c> enters the surrogate (<see cref="PoolPriorModelDefinition"/>).</summary>
public enum PoolPriorModelUse
{
    /// <summary>The prediction is the surrogate's prior mean: it learns the residual of the measurements (<c>as: mean</c>).</summary>
    Mean,

    /// <summary>The prediction and its uncertainty are two more features beside the composition's (<c>as: feature</c>).</summary>
    Feature,
}
