namespace SelfDrivingLab.Optimization.Space;

/// <summary>Checks a <see cref="SearchSpace"/> and names the first problem found.</summary>
internal static class SearchSpaceValidation
{
    public static void Validate(SearchSpace space)
    {
        if (space.Parameters.Count == 0)
        {
            throw new ArgumentException("A search space needs at least one parameter.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in space.Parameters)
        {
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                throw new ArgumentException("A parameter name must not be empty.");
            }

            if (!names.Add(p.Name))
            {
                throw new ArgumentException($"Parameter '{p.Name}' is declared twice.");
            }

            ValidateParameter(p);
        }

        var inMixture = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in space.Mixtures)
        {
            ValidateMixture(space, m, inMixture);
        }

        foreach (var c in space.Constraints)
        {
            ValidateConstraint(space, c);
        }
    }

    private static void ValidateConstraint(SearchSpace space, LinearConstraint constraint)
    {
        if (constraint.Coefficients.Count == 0 || constraint.Coefficients.Values.All(v => v == 0))
        {
            throw new ArgumentException($"Constraint '{constraint}' has no non-zero coefficient.");
        }

        if (!double.IsFinite(constraint.UpperBound) || constraint.Coefficients.Values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException($"Constraint '{constraint}' has a coefficient or bound that is not a finite number.");
        }

        foreach (var name in constraint.Coefficients.Keys)
        {
            var p = space.Parameters.FirstOrDefault(x => x.Name == name)
                ?? throw new ArgumentException($"Constraint '{constraint}' uses '{name}', which is not a parameter of the space.");
            if (p is not (ContinuousParameter or IntegerParameter))
            {
                throw new ArgumentException($"Constraint '{constraint}' uses '{name}', which is not a number (continuous or integer) parameter.");
            }
        }
    }

    private static void ValidateParameter(SpaceParameter p)
    {
        switch (p)
        {
            case ContinuousParameter c:
                if (!double.IsFinite(c.Low) || !double.IsFinite(c.High) || c.Low >= c.High)
                {
                    throw new ArgumentException($"Parameter '{c.Name}': low ({c.Low}) must be a finite number below high ({c.High}).");
                }

                if (c.LogScale && c.Low <= 0)
                {
                    throw new ArgumentException($"Parameter '{c.Name}': a log-scale range must have low > 0 (got {c.Low}).");
                }

                break;
            case IntegerParameter i:
                if (i.Step < 1)
                {
                    throw new ArgumentException($"Parameter '{i.Name}': step must be at least 1 (got {i.Step}).");
                }

                if (i.Low >= i.High)
                {
                    throw new ArgumentException($"Parameter '{i.Name}': low ({i.Low}) must be below high ({i.High}).");
                }

                break;
            case CategoricalParameter k:
                if (k.Choices.Count < 2)
                {
                    throw new ArgumentException($"Parameter '{k.Name}': a categorical parameter needs at least two choices.");
                }

                if (k.Choices.Distinct(StringComparer.Ordinal).Count() != k.Choices.Count || k.Choices.Any(string.IsNullOrEmpty))
                {
                    throw new ArgumentException($"Parameter '{k.Name}': choices must be distinct and non-empty.");
                }

                break;
            default:
                throw new ArgumentException($"Parameter '{p.Name}' has an unsupported type {p.GetType().Name}.");
        }
    }

    private static void ValidateMixture(SearchSpace space, MixtureConstraint m, HashSet<string> inMixture)
    {
        if (m.Components.Count < 2)
        {
            throw new ArgumentException("A mixture needs at least two components.");
        }

        if (!double.IsFinite(m.Total) || m.Total <= 0)
        {
            throw new ArgumentException($"Mixture of {string.Join(", ", m.Components)}: total must be a positive number (got {m.Total}).");
        }

        foreach (var name in m.Components)
        {
            var p = space.Parameters.FirstOrDefault(x => x.Name == name)
                ?? throw new ArgumentException($"Mixture component '{name}' is not a parameter of the space.");
            if (p is not ContinuousParameter c)
            {
                throw new ArgumentException($"Mixture component '{name}' must be a continuous parameter.");
            }

            if (c.Low != 0 || c.High != m.Total || c.LogScale)
            {
                throw new ArgumentException($"Mixture component '{name}' must range linearly over [0, {m.Total}] (got [{c.Low}, {c.High}]).");
            }

            if (!inMixture.Add(name))
            {
                throw new ArgumentException($"Parameter '{name}' belongs to two mixtures.");
            }
        }
    }
}
