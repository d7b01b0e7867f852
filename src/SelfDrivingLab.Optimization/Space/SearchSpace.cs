namespace SelfDrivingLab.Optimization.Space;

/// <summary>
/// The parameters an optimizer may choose, with mixture constraints. Immutable and thread-safe.
/// Construction validates names, bounds and constraints and throws <see cref="ArgumentException"/> naming the problem.
/// </summary>
public sealed partial class SearchSpace
{
    /// <summary>Creates and validates a space.</summary>
    public SearchSpace(IReadOnlyList<SpaceParameter> parameters, IReadOnlyList<MixtureConstraint>? mixtures = null)
    {
        Parameters = parameters;
        Mixtures = mixtures ?? [];
        SearchSpaceValidation.Validate(this);
    }

    /// <summary>The parameters, in declaration order.</summary>
    public IReadOnlyList<SpaceParameter> Parameters { get; }

    /// <summary>The mixture constraints.</summary>
    public IReadOnlyList<MixtureConstraint> Mixtures { get; }
}
