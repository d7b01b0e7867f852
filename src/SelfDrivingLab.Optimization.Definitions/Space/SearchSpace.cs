using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Space;

/// <summary>
/// The parameters an optimizer may choose, with mixture constraints. Immutable and thread-safe.
/// Construction validates names, bounds and constraints and throws <see cref="ArgumentException"/> naming the problem.
/// </summary>
public sealed partial class SearchSpace
{
    /// <summary>Creates and validates a space.</summary>
    public SearchSpace(IReadOnlyList<SpaceParameter> parameters, IReadOnlyList<MixtureConstraint>? mixtures = null)
        : this(parameters, mixtures, null)
    {
    }

    /// <summary>Creates and validates a space with linear inequality constraints (proposals never violate them).</summary>
    public SearchSpace(IReadOnlyList<SpaceParameter> parameters, IReadOnlyList<MixtureConstraint>? mixtures, IReadOnlyList<LinearConstraint>? constraints)
    {
        Parameters = parameters;
        Mixtures = mixtures ?? [];
        Constraints = constraints ?? [];
        SearchSpaceValidation.Validate(this);
    }

    /// <summary>The parameters, in declaration order.</summary>
    public IReadOnlyList<SpaceParameter> Parameters { get; }

    /// <summary>The mixture constraints.</summary>
    public IReadOnlyList<MixtureConstraint> Mixtures { get; }

    /// <summary>The linear inequality constraints (empty when none).</summary>
    public IReadOnlyList<LinearConstraint> Constraints { get; }

    /// <summary>True when <paramref name="parameters"/> satisfy every linear constraint.</summary>
    public bool SatisfiesConstraints(ParameterSet parameters) => Constraints.All(c => c.IsSatisfiedBy(parameters));
}
