using SelfDrivingLab.Optimization.Pools;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// A pool's <c>prior_model</c>: a saved property model (<c>sdl model train</c>) that predicts each candidate from its
/// formula before any experiment, used as the surrogate's prior mean or as two more features. Immutable.
/// </summary>
/// <param name="Path">Full path of the <c>.sdlmodel</c> file.</param>
/// <param name="Use">As the prior mean (the surrogate learns the residual) or as features.</param>
/// <param name="Scaling">How the prior mean is scaled (prior mean only).</param>
/// <param name="AddUncertainty">Whether the model's own uncertainty is added to the predictive variance (prior mean only; <c>uncertainty</c>, default true).</param>
public sealed record PoolPriorModelDefinition(string Path, PoolPriorModelUse Use, PriorMeanScaling Scaling, bool AddUncertainty = true);
