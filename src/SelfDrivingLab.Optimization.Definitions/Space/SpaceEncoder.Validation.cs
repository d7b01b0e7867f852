using System.Globalization;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Space;

/// <content>Checks that a parameter set belongs to the space.</content>
public sealed partial class SpaceEncoder
{
    /// <summary>Tolerance on the sum of a mixture's components.</summary>
    public const double MixtureTolerance = 1e-6;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the parameter when <paramref name="parameters"/> misses a parameter,
    /// has an unknown one, a value of the wrong type, out of range, off the integer grid, an unknown category, or a
    /// mixture whose components do not sum to its total within <see cref="MixtureTolerance"/>.
    /// </summary>
    public void Validate(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var name in parameters.Keys)
        {
            if (!_byName.ContainsKey(name))
            {
                throw new ArgumentException($"Parameter '{name}' is not part of the search space.", nameof(parameters));
            }
        }

        foreach (var slot in _slots)
        {
            ValidateOne(slot.Parameter, parameters);
        }

        foreach (var mixture in Space.Mixtures)
        {
            var sum = mixture.Components.Sum(parameters.GetNumber);
            if (Math.Abs(sum - mixture.Total) > MixtureTolerance)
            {
                throw new ArgumentException(
                    $"Mixture of {string.Join(", ", mixture.Components)} sums to {Format(sum)}, not {Format(mixture.Total)}.",
                    nameof(parameters));
            }
        }

        foreach (var constraint in Space.Constraints)
        {
            if (!constraint.IsSatisfiedBy(parameters))
            {
                throw new ArgumentException(
                    $"The parameters violate the constraint {constraint} (left side {constraint.LeftSide(parameters):G6}).", nameof(parameters));
            }
        }
    }

    private static void ValidateOne(SpaceParameter parameter, ParameterSet parameters)
    {
        var name = parameter.Name;
        if (!parameters.TryGetValue(name, out var value))
        {
            throw new ArgumentException($"Parameter '{name}' is missing.", nameof(parameters));
        }

        if (parameter is CategoricalParameter k)
        {
            if (!value.IsText || !k.Choices.Contains(value.Text!, StringComparer.Ordinal))
            {
                throw new ArgumentException(
                    $"Parameter '{name}' must be one of {string.Join(", ", k.Choices)} (got '{value}').", nameof(parameters));
            }

            return;
        }

        if (!value.IsNumber)
        {
            throw new ArgumentException($"Parameter '{name}' must be a number (got text '{value.Text}').", nameof(parameters));
        }

        var x = value.Number;
        var (low, high) = parameter switch
        {
            ContinuousParameter c => (c.Low, c.High),
            IntegerParameter i => ((double)i.Low, (double)i.High),
            _ => throw new ArgumentException($"Parameter '{name}' has an unsupported type.", nameof(parameters)),
        };
        if (x < low || x > high)
        {
            throw new ArgumentException($"Parameter '{name}' = {Format(x)} is outside [{Format(low)}, {Format(high)}].", nameof(parameters));
        }

        if (parameter is IntegerParameter grid && (Math.Floor(x) != x || ((long)x - grid.Low) % grid.Step != 0))
        {
            throw new ArgumentException(
                $"Parameter '{name}' = {Format(x)} is not on the integer grid {grid.Low}, {grid.Low + grid.Step}, ... (step {grid.Step}).",
                nameof(parameters));
        }
    }

    private static string Format(double x) => x.ToString("G", CultureInfo.InvariantCulture);
}
