using System.Globalization;

namespace SelfDrivingLab.Core.Text;

/// <summary>Numbers for people: a few significant digits, fixed notation for ordinary magnitudes, no trailing zeros.</summary>
public static class SignificantNumber
{
    /// <summary>
    /// <paramref name="value"/> to <paramref name="digits"/> significant digits (1–15, default 4), invariant culture:
    /// 1.714728724 → <c>1.715</c>, 1234567 → <c>1.235e+6</c>, 0.000012 → <c>1.2e-5</c>, 250 → <c>250</c>.
    /// </summary>
    public static string Format(double value, int digits = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 15);
        if (!double.IsFinite(value) || value == 0)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (magnitude is < -4 or >= 6)
        {
            var exponent = value.ToString($"E{digits - 1}", CultureInfo.InvariantCulture);
            var (mantissa, power) = (exponent[..exponent.IndexOf('E', StringComparison.Ordinal)], int.Parse(exponent[(exponent.IndexOf('E', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture));
            return $"{TrimZeros(mantissa)}e{(power < 0 ? "-" : "+")}{Math.Abs(power).ToString(CultureInfo.InvariantCulture)}";
        }

        var decimals = Math.Max(0, digits - 1 - magnitude);
        return TrimZeros(Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString($"F{decimals}", CultureInfo.InvariantCulture));
    }

    private static string TrimZeros(string fixedNotation) =>
        fixedNotation.Contains('.', StringComparison.Ordinal) ? fixedNotation.TrimEnd('0').TrimEnd('.') : fixedNotation;
}
