using System.Globalization;
using System.Text.RegularExpressions;
using SelfDrivingLab.Optimization.Acquisition;

namespace SelfDrivingLab.PropertyModels.Screening;

/// <summary>
/// One screening condition on a model's prediction: <c>gap between 1.1 and 1.6</c>, <c>gap &gt;= 1</c>, <c>gap &lt;= 2</c>
/// (a regression model named <c>gap</c>) or <c>P(nonmetal) &gt;= 0.8</c>, <c>P(metal) &lt;= 0.2</c> (a classifier named in
/// the parentheses). A candidate passes when its predicted value (or probability) meets the condition. Its
/// <see cref="Probability"/> is the chance that the condition truly holds: for a regression, the mass of the Gaussian
/// N(prediction, uncertainty²) inside the range; for a classifier, the probability of the class asked for (p for
/// <c>&gt;=</c>, 1 − p for <c>&lt;=</c>). Immutable.
/// </summary>
public sealed partial record ScreenCriterion(string ModelName, bool IsProbability, double Lower, double Upper, string Text)
{
    /// <summary>Parses a condition; throws <see cref="ArgumentException"/> showing the accepted forms.</summary>
    public static ScreenCriterion Parse(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (Between().Match(trimmed) is { Success: true } between)
        {
            var (lower, upper) = (Number(between.Groups["a"].Value), Number(between.Groups["b"].Value));
            return lower <= upper
                ? new ScreenCriterion(between.Groups["name"].Value, false, lower, upper, trimmed)
                : throw new ArgumentException($"--where \"{text}\": the lower bound is above the upper bound");
        }

        if (Comparison().Match(trimmed) is { Success: true } comparison)
        {
            var value = Number(comparison.Groups["v"].Value);
            var isProbability = comparison.Groups["p"].Success;
            var name = isProbability ? comparison.Groups["p"].Value : comparison.Groups["name"].Value;
            var atLeast = comparison.Groups["op"].Value == ">=";
            return new ScreenCriterion(name.Trim(), isProbability, atLeast ? value : double.NegativeInfinity, atLeast ? double.PositiveInfinity : value, trimmed);
        }

        throw new ArgumentException($"--where \"{text}\" is not understood; use \"NAME between A and B\", \"NAME >= A\", \"NAME <= B\" or \"P(CLASS) >= p\"");
    }

    /// <summary>Whether the predicted value or probability meets the condition.</summary>
    public bool Passes(PropertyPrediction prediction) => prediction.Value >= Lower && prediction.Value <= Upper;

    /// <summary>The chance that the condition truly holds (see the type's summary).</summary>
    public double Probability(PropertyPrediction prediction)
    {
        if (IsProbability)
        {
            return double.IsPositiveInfinity(Upper) ? prediction.Value : 1 - prediction.Value;
        }

        if (prediction.Uncertainty <= 0)
        {
            return Passes(prediction) ? 1 : 0;
        }

        var upper = double.IsPositiveInfinity(Upper) ? 1 : StandardNormal.Cdf((Upper - prediction.Value) / prediction.Uncertainty);
        var lower = double.IsNegativeInfinity(Lower) ? 0 : StandardNormal.Cdf((Lower - prediction.Value) / prediction.Uncertainty);
        return Math.Max(0, upper - lower);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<name>[^<>=()\s]+)\s+between\s+(?<a>[-+0-9.eE]+)\s+and\s+(?<b>[-+0-9.eE]+)\s*(eV)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Between();

    [GeneratedRegex(@"^(P\((?<p>[^()]+)\)|(?<name>[^<>=()\s]+))\s*(?<op>>=|<=)\s*(?<v>[-+0-9.eE]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Comparison();
}
