using System.Collections;
using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Parameters;

/// <summary>
/// Named parameter values of one experiment (or one measurement), ordered by name, compared by value.
/// Immutable and thread-safe.
/// </summary>
[JsonConverter(typeof(ParameterSetJsonConverter))]
public sealed class ParameterSet : IReadOnlyDictionary<string, ParameterValue>, IEquatable<ParameterSet>
{
    private readonly ImmutableSortedDictionary<string, ParameterValue> _values;

    /// <summary>Creates a set from name/value pairs; names must be unique and non-empty.</summary>
    public ParameterSet(IEnumerable<KeyValuePair<string, ParameterValue>> values)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A parameter name must not be empty.", nameof(values));
            }

            if (!builder.TryAdd(name, value))
            {
                throw new ArgumentException($"Parameter '{name}' is given twice.", nameof(values));
            }
        }

        _values = builder.ToImmutable();
    }

    /// <summary>The empty set.</summary>
    public static ParameterSet Empty { get; } = new([]);

    /// <inheritdoc />
    public ParameterValue this[string key] =>
        _values.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"No parameter named '{key}'.");

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<ParameterValue> Values => _values.Values;

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <summary>Returns a copy with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public ParameterSet With(string name, ParameterValue value) => new(_values.SetItem(name, value));

    /// <summary>The number named <paramref name="name"/>, or an error naming it.</summary>
    public double GetNumber(string name) => this[name].AsNumber(name);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out ParameterValue value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ParameterValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ParameterSet? other) =>
        other is not null && other.Count == Count && _values.All(kv => other._values.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParameterSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (k, v) in _values)
        {
            hash.Add(k, StringComparer.Ordinal);
            hash.Add(v);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(", ", _values.Select(kv => $"{kv.Key}={kv.Value}"));
}
