using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Core.Text;

/// <summary>Values with their units for people: <c>41.87 J</c>, <c>n = 12, r = 2.288 mm</c>. Numbers to <see cref="SignificantNumber"/>'s digits.</summary>
public static class QuantityText
{
    /// <summary><paramref name="value"/> to 4 significant digits, followed by its unit when <paramref name="units"/> names one for <paramref name="name"/>.</summary>
    public static string Format(double value, string name, IReadOnlyDictionary<string, string>? units) =>
        units is not null && units.TryGetValue(name, out var unit) ? $"{SignificantNumber.Format(value)} {unit}" : SignificantNumber.Format(value);

    /// <summary><c>name = value unit</c> for each parameter, by name.</summary>
    public static string Format(ParameterSet parameters, IReadOnlyDictionary<string, string>? units)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join(", ", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {(p.Value.IsNumber ? Format(p.Value.Number, p.Key, units) : p.Value.Text)}"));
    }
}
