using System.Globalization;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Parameters;

/// <summary>
/// One experiment parameter or measured value: either a finite number or a text choice (a
/// categorical level, a formula). Immutable and thread-safe; NaN and infinities are refused.
/// </summary>
[JsonConverter(typeof(ParameterValueJsonConverter))]
public readonly record struct ParameterValue
{
    private ParameterValue(double number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The number, when <see cref="IsNumber"/>; otherwise 0.</summary>
    public double Number { get; }

    /// <summary>The text, when <see cref="IsText"/>; otherwise null.</summary>
    public string? Text { get; }

    /// <summary>True for a number.</summary>
    public bool IsNumber => Text is null;

    /// <summary>True for text.</summary>
    public bool IsText => Text is not null;

    /// <summary>A finite number.</summary>
    public static ParameterValue FromNumber(double value) =>
        double.IsFinite(value)
            ? new ParameterValue(value, null)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A parameter value must be a finite number.");

    /// <summary>A text value.</summary>
    public static ParameterValue FromText(string value) => new(0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The number, or an error naming the parameter when this is text.</summary>
    public double AsNumber(string name) =>
        IsNumber ? Number : throw new InvalidOperationException($"Parameter '{name}' is text ('{Text}'), not a number.");

    /// <summary>The text, or an error naming the parameter when this is a number.</summary>
    public string AsText(string name) =>
        Text ?? throw new InvalidOperationException($"Parameter '{name}' is the number {Number.ToString(CultureInfo.InvariantCulture)}, not text.");

    /// <inheritdoc />
    public override string ToString() => Text ?? Number.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Implicit conversion from a finite number.</summary>
    public static implicit operator ParameterValue(double value) => FromNumber(value);

    /// <summary>Implicit conversion from text.</summary>
    public static implicit operator ParameterValue(string value) => FromText(value);
}
