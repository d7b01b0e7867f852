using System.Globalization;
using SelfDrivingLab.Core.Text;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// A YAML mapping read with typed getters that record a <see cref="DefinitionError"/> (with path and
/// line) instead of throwing, so one pass finds every problem. Getters return null when the value is
/// missing or wrong; a missing required key is an error.
/// </summary>
internal sealed class YamlMap
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, ErrorList errors)
    {
        Node = node;
        Path = path;
        Errors = errors;
        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } name })
            {
                _entries[name] = (key, value);
            }
            else
            {
                errors.Add(path, $"{YamlScalars.Describe(key)} cannot be a key; keys are plain names", key);
            }
        }
    }

    private YamlMap(YamlMap source, string path)
    {
        Node = source.Node;
        Path = path;
        Errors = source.Errors;
        _entries = source._entries;
    }

    public YamlMappingNode Node { get; }

    public string Path { get; }

    public ErrorList Errors { get; }

    /// <summary>The keys, in file order.</summary>
    public IEnumerable<string> Keys => Node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).Where(_entries.ContainsKey);

    /// <summary>Wraps <paramref name="node"/> when it is a mapping, else records an error.</summary>
    public static YamlMap? From(YamlNode node, string path, ErrorList errors)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, path, errors);
        }

        errors.Add(path, $"expected a mapping of keys and values, got {YamlScalars.Describe(node)}", node);
        return null;
    }

    /// <summary>The same mapping reported under another path (e.g. <c>workflow[1] (characterize)</c>), without re-checking its keys.</summary>
    public YamlMap WithPath(string path) => new(this, path);

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    /// <summary>Records an error for every key not in <paramref name="known"/>, suggesting the closest known key.</summary>
    public void CheckKeys(params IReadOnlyCollection<string> known)
    {
        foreach (var (name, (key, _)) in _entries)
        {
            if (!known.Contains(name))
            {
                var hint = NameSuggestion.Closest(name, known) is { } match
                    ? $"did you mean '{match}'?"
                    : "expected one of " + string.Join(", ", known);
                Errors.Add(PathOf(name), $"unknown key '{name}'; {hint}", key);
            }
        }
    }

    /// <summary>The value of <paramref name="key"/>, treating an explicit null as absent.</summary>
    public YamlNode? Get(string key) =>
        _entries.TryGetValue(key, out var entry) && !YamlScalars.IsNull(entry.Value) ? entry.Value : null;

    public bool Has(string key) => Get(key) is not null;

    /// <summary>Records an error at <paramref name="key"/> (its value's line, or this mapping's line when absent).</summary>
    public void Error(string key, string message) =>
        Errors.Add(PathOf(key), message, _entries.TryGetValue(key, out var entry) ? entry.Value : Node);

    public string? String(string key, bool required = false) => Scalar(key, required)?.Value;

    public double? Number(string key, bool required = false, double? min = null, double? belowMax = null, double? max = null)
    {
        var scalar = Scalar(key, required);
        if (scalar is null)
        {
            return null;
        }

        if (!YamlScalars.TryNumber(scalar.Value, out var value))
        {
            Error(key, $"'{scalar.Value}' is not a number");
            return null;
        }

        if (max is { } top && (value > top || (min is { } floor && value < floor)))
        {
            Error(key, min is { } bottom
                ? $"must be in [{YamlScalars.Format(bottom)}, {YamlScalars.Format(top)}] (got {scalar.Value})"
                : $"must be at most {YamlScalars.Format(top)} (got {scalar.Value})");
            return null;
        }

        if ((min is { } low && value < low) || (belowMax is { } high && value >= high))
        {
            var range = (min, belowMax) switch
            {
                ({ } a, { } b) => $"in [{YamlScalars.Format(a)}, {YamlScalars.Format(b)})",
                ({ } a, null) => $"at least {YamlScalars.Format(a)}",
                _ => $"below {YamlScalars.Format(belowMax!.Value)}",
            };
            Error(key, $"must be {range} (got {scalar.Value})");
            return null;
        }

        return value;
    }

    public long? Integer(string key, bool required = false, long min = long.MinValue, long max = long.MaxValue, string? maxMeaning = null)
    {
        var scalar = Scalar(key, required);
        if (scalar is null)
        {
            return null;
        }

        if (!YamlScalars.TryInteger(scalar.Value, out var value))
        {
            Error(key, $"'{scalar.Value}' is not a whole number");
            return null;
        }

        if (value < min || value > max)
        {
            var maxText = max.ToString(CultureInfo.InvariantCulture) + (maxMeaning is null ? string.Empty : $" ({maxMeaning})");
            // Bounds at the int limits only keep the value in range of an int; they are not worth mentioning.
            var range = (min <= int.MinValue, max >= int.MaxValue) switch
            {
                (false, true) => $"at least {min}",
                (true, false) => $"at most {maxText}",
                _ => $"between {Math.Max(min, int.MinValue)} and {(max >= int.MaxValue ? int.MaxValue.ToString(CultureInfo.InvariantCulture) : maxText)}",
            };
            Error(key, $"must be {range} (got {value})");
            return null;
        }

        return value;
    }

    public bool? Boolean(string key)
    {
        var scalar = Scalar(key, required: false);
        if (scalar is null)
        {
            return null;
        }

        if (YamlScalars.TryBoolean(scalar.Value, out var value))
        {
            return value;
        }

        Error(key, $"'{scalar.Value}' is not true or false");
        return null;
    }

    /// <summary>A duration (<see cref="DurationParser"/>), positive unless <paramref name="allowZero"/>.</summary>
    public TimeSpan? Duration(string key, bool required = false, bool allowZero = false)
    {
        var scalar = Scalar(key, required);
        if (scalar is null)
        {
            return null;
        }

        if (!DurationParser.TryParse(scalar.Value, out var value))
        {
            Error(key, $"'{scalar.Value}' is not a duration ({DurationParser.Hint})");
            return null;
        }

        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !allowZero))
        {
            Error(key, $"must be {(allowZero ? "zero or positive" : "positive")} (got {scalar.Value})");
            return null;
        }

        return value;
    }

    /// <summary>One of named <paramref name="options"/>; an unknown name is an error listing them.</summary>
    public T? Choice<T>(string key, string what, IReadOnlyList<(string Name, T Value)> options, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in options)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var names = options.Select(o => o.Name).ToList();
        Error(key, $"'{text}' is not {Article.For(what)}; use {string.Join(", ", names)}{NameSuggestion.DidYouMean(text, names)}");
        return null;
    }

    public YamlMap? Map(string key, bool required = false) =>
        Value(key, required) is { } node ? From(node, PathOf(key), Errors) : null;

    /// <summary>The items of a list with their paths (<c>key[i]</c>).</summary>
    public IReadOnlyList<(YamlNode Node, string Path)>? List(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(key, $"expected a list, got {YamlScalars.Describe(node)}");
            return null;
        }

        return [.. sequence.Children.Select((item, i) => (item, $"{PathOf(key)}[{i}]"))];
    }

    /// <summary>A list of plain values (names).</summary>
    public IReadOnlyList<string>? StringList(string key, bool required = false)
    {
        var items = List(key, required);
        if (items is null)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var (node, path) in items)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } text } && !YamlScalars.IsNull(node))
            {
                values.Add(text);
            }
            else
            {
                Errors.Add(path, $"expected a name, got {YamlScalars.Describe(node)}", node);
                return null;
            }
        }

        return values;
    }

    private YamlNode? Value(string key, bool required)
    {
        var node = Get(key);
        if (node is null && required)
        {
            Errors.Add(PathOf(key), $"'{key}' is required", Node);
        }

        return node;
    }

    private YamlScalarNode? Scalar(string key, bool required)
    {
        var node = Value(key, required);
        if (node is null or YamlScalarNode)
        {
            return (YamlScalarNode?)node;
        }

        Error(key, $"expected a single value, got {YamlScalars.Describe(node)}");
        return null;
    }
}
