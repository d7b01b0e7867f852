using System.Globalization;
using System.Text.RegularExpressions;
using SelfDrivingLab.Optimization.Space;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads <c>constraints</c>: linear inequalities over numeric parameters, written as text,
/// e.g. <c>x1 + 2*x2 &lt;= 1.5</c> or <c>temperature - 100*time &gt;= 200</c>.
/// </summary>
internal static partial class ConstraintReader
{
    /// <summary>The constraints that parsed, each with its text node and path (for errors about it later).</summary>
    public static IReadOnlyList<(LinearConstraint Constraint, YamlScalarNode Node, string Path)> Read(YamlMap root)
    {
        var constraints = new List<(LinearConstraint, YamlScalarNode, string)>();
        foreach (var (node, path) in root.List("constraints") ?? [])
        {
            if (node is not YamlScalarNode { Value: { Length: > 0 } text } scalar)
            {
                root.Errors.Add(path, "expected a linear inequality as text, e.g. 'x1 + 2*x2 <= 1.5'", node);
                continue;
            }

            if (TryParse(text, out var constraint, out var problem))
            {
                constraints.Add((constraint!, scalar, path));
            }
            else
            {
                root.Errors.Add(path, $"'{text}' is not a linear inequality: {problem} (write e.g. 'x1 + 2*x2 <= 1.5')", node);
            }
        }

        return constraints;
    }

    /// <summary>Parses <c>Σ ±[coef*]name (&lt;=|&gt;=) number</c>; a <c>&gt;=</c> is stored negated as <c>&lt;=</c>.</summary>
    internal static bool TryParse(string text, out LinearConstraint? constraint, out string problem)
    {
        constraint = null;
        var sides = Comparison().Split(text);
        var op = Comparison().Match(text);
        if (sides.Length != 2 || !op.Success)
        {
            problem = "it needs exactly one '<=' or '>='";
            return false;
        }

        if (!double.TryParse(sides[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var bound))
        {
            problem = $"the right side '{sides[1].Trim()}' is not a number";
            return false;
        }

        var coefficients = new Dictionary<string, double>(StringComparer.Ordinal);
        var left = sides[0].Replace(" ", string.Empty, StringComparison.Ordinal);
        var terms = Term().Matches(left);
        if (terms.Count == 0 || string.Concat(terms.Select(t => t.Value)) != left)
        {
            problem = $"the left side '{sides[0].Trim()}' must be a sum of terms like '2*x' or '-y'";
            return false;
        }

        foreach (Match term in terms)
        {
            var sign = term.Groups["sign"].Value == "-" ? -1.0 : 1.0;
            var coefficient = term.Groups["coef"].Success ? double.Parse(term.Groups["coef"].Value, CultureInfo.InvariantCulture) : 1.0;
            var name = term.Groups["name"].Value;
            coefficients[name] = coefficients.GetValueOrDefault(name) + (sign * coefficient);
        }

        var greater = op.Value == ">=";
        constraint = greater
            ? new LinearConstraint(coefficients.ToDictionary(c => c.Key, c => -c.Value, StringComparer.Ordinal), -bound)
            : new LinearConstraint(coefficients, bound);
        problem = string.Empty;
        return true;
    }

    [GeneratedRegex("<=|>=")]
    private static partial Regex Comparison();

    [GeneratedRegex(@"(?<sign>^[+-]?|[+-])(?:(?<coef>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\*)?(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Term();
}
