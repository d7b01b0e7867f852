using System.Globalization;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Space;

/// <summary>
/// A linear inequality over numeric parameters, in their own units: Σ coefficient·value ≤ <paramref name="UpperBound"/>
/// (write a ≥ constraint by negating both sides). Immutable.
/// </summary>
/// <param name="Coefficients">Parameter name → coefficient; continuous or integer parameters only.</param>
/// <param name="UpperBound">The right-hand side.</param>
public sealed record LinearConstraint(IReadOnlyDictionary<string, double> Coefficients, double UpperBound)
{
    /// <summary>Slack allowed for rounding (relative to the bound's magnitude, at least 1e-9).</summary>
    public double Tolerance => 1e-9 * Math.Max(1, Math.Abs(UpperBound));

    /// <summary>Σ coefficient·value for <paramref name="parameters"/>.</summary>
    public double LeftSide(ParameterSet parameters)
    {
        var sum = 0.0;
        foreach (var (name, coefficient) in Coefficients)
        {
            sum += coefficient * parameters.GetNumber(name);
        }

        return sum;
    }

    /// <summary>True when <paramref name="parameters"/> satisfy the constraint (within <see cref="Tolerance"/>).</summary>
    public bool IsSatisfiedBy(ParameterSet parameters) => LeftSide(parameters) <= UpperBound + Tolerance;

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" + ", Coefficients.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Value:G6}*{c.Key}"))) +
        string.Create(CultureInfo.InvariantCulture, $" <= {UpperBound:G6}");
}
