using System.Globalization;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The values of one parameter a campaign may run without a person's approval: a closed numeric
/// range (<see cref="Min"/>..<see cref="Max"/>) or a set of allowed choices. Immutable.
/// </summary>
/// <param name="Parameter">The search-space parameter it bounds.</param>
/// <param name="Min">Lowest safe value (numeric bounds).</param>
/// <param name="Max">Highest safe value (numeric bounds).</param>
/// <param name="Choices">Safe choices (categorical bounds); null for numeric bounds.</param>
public sealed record SafeBound(string Parameter, double Min, double Max, IReadOnlyList<string>? Choices)
{
    /// <summary>True when <paramref name="value"/> is safe; otherwise <paramref name="why"/> says how it is not.</summary>
    public bool Contains(ParameterValue value, out string why)
    {
        if (Choices is not null)
        {
            if (value.IsText && Choices.Contains(value.Text!, StringComparer.Ordinal))
            {
                why = string.Empty;
                return true;
            }

            why = $"{Parameter} = {value} is not one of the safe choices [{string.Join(", ", Choices)}]";
            return false;
        }

        if (value.IsNumber && value.Number >= Min && value.Number <= Max)
        {
            why = string.Empty;
            return true;
        }

        why = string.Create(CultureInfo.InvariantCulture, $"{Parameter} = {value} is outside the safe range [{Min}, {Max}]");
        return false;
    }
}
