using System.Globalization;

namespace SelfDrivingLab.PropertyModels.Data;

/// <summary>
/// Turns a numeric target into yes/no by a comparison such as <c>&lt;= 0</c>, <c>== 0</c> or <c>&gt; 1.5</c> (operators
/// <c>&lt;</c>, <c>&lt;=</c>, <c>==</c>, <c>!=</c>, <c>&gt;=</c>, <c>&gt;</c>). Immutable.
/// </summary>
public sealed record PositiveRule(string Operator, double Threshold)
{
    private static readonly string[] Operators = ["<=", ">=", "==", "!=", "<", ">"];

    /// <summary>Parses a rule; throws <see cref="ArgumentException"/> explaining the expected form.</summary>
    public static PositiveRule Parse(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var op = Operators.FirstOrDefault(o => trimmed.StartsWith(o, StringComparison.Ordinal));
        if (op is null || !double.TryParse(trimmed[op.Length..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            throw new ArgumentException($"'{text}' is not a rule such as \"<= 0\", \"== 0\" or \"> 1.5\" (operators {string.Join(" ", Operators)})");
        }

        return new PositiveRule(op, threshold);
    }

    /// <summary>Whether <paramref name="value"/> is a yes.</summary>
    public bool IsPositive(double value) => Operator switch
    {
        "<=" => value <= Threshold,
        ">=" => value >= Threshold,
        "==" => value == Threshold,
        "!=" => value != Threshold,
        "<" => value < Threshold,
        _ => value > Threshold,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Operator} {Threshold.ToString("G", CultureInfo.InvariantCulture)}";
}
