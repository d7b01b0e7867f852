using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace SelfDrivingLab.Materials.Elements;

/// <summary>
/// Element symbols (atomic numbers 1–112) and the 22 Magpie elemental properties (Ward et al., npj Comput. Mater. 2,
/// 16028, 2016; tables from the matminer project, see <c>Data/README.txt</c> and <c>Data/LICENSE-matminer.txt</c>).
/// The tables are embedded resources, loaded once on first use. A value the source lists as <c>Missing</c> is
/// <see cref="double.NaN"/>. Immutable and thread-safe.
/// </summary>
public sealed class ElementTable
{
    /// <summary>The 22 properties of the matminer "magpie" preset, in the preset's order.</summary>
    public static IReadOnlyList<string> MagpieProperties { get; } =
    [
        "Number", "MendeleevNumber", "AtomicWeight", "MeltingT", "Column", "Row", "CovalentRadius", "Electronegativity",
        "NsValence", "NpValence", "NdValence", "NfValence", "NValence", "NsUnfilled", "NpUnfilled", "NdUnfilled",
        "NfUnfilled", "NUnfilled", "GSvolume_pa", "GSbandgap", "GSmagmom", "SpaceGroupNumber",
    ];

    private static readonly Lazy<ElementTable> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string[] _symbols;
    private readonly FrozenDictionary<string, int> _numbers;
    private readonly FrozenDictionary<string, double[]> _properties;
    private readonly FrozenDictionary<string, double> _means;

    internal ElementTable(string[] symbols, IReadOnlyDictionary<string, double[]> properties)
    {
        _symbols = symbols;
        _numbers = symbols.Select((symbol, i) => KeyValuePair.Create(symbol, i + 1)).ToFrozenDictionary(StringComparer.Ordinal);
        _properties = properties.ToFrozenDictionary(StringComparer.Ordinal);
        _means = properties.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(),
            StringComparer.Ordinal);
    }

    /// <summary>The table shipped with the library (loaded once, on first use).</summary>
    public static ElementTable Default => Shared.Value;

    /// <summary>Number of elements (112).</summary>
    public int Count => _symbols.Length;

    /// <summary>Names of the properties in the table.</summary>
    public IEnumerable<string> PropertyNames => _properties.Keys;

    /// <summary>The symbol of element <paramref name="atomicNumber"/> (1-based).</summary>
    public string Symbol(int atomicNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(atomicNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atomicNumber, _symbols.Length);
        return _symbols[atomicNumber - 1];
    }

    /// <summary>Looks up the atomic number of a symbol (case-sensitive: <c>Co</c>, not <c>CO</c>).</summary>
    public bool TryGetAtomicNumber(string symbol, out int atomicNumber) => _numbers.TryGetValue(symbol, out atomicNumber);

    /// <summary>The value of <paramref name="property"/> for <paramref name="symbol"/>; NaN where the source says <c>Missing</c>.</summary>
    public double Value(string property, string symbol)
    {
        if (!TryGetAtomicNumber(symbol, out var number))
        {
            throw new ArgumentException($"Unknown element '{symbol}'.", nameof(symbol));
        }

        return Values(property)[number - 1];
    }

    /// <summary>Mean of <paramref name="property"/> over the elements where it is known (the imputation value).</summary>
    public double Mean(string property) =>
        _means.TryGetValue(property, out var mean) ? mean : throw UnknownProperty(property);

    private double[] Values(string property) =>
        _properties.TryGetValue(property, out var values) ? values : throw UnknownProperty(property);

    private static ArgumentException UnknownProperty(string property) =>
        new($"Unknown element property '{property}'. Known: {string.Join(", ", MagpieProperties)}.", nameof(property));

    private static ElementTable Load()
    {
        var symbols = ReadLines("symbols.txt").Select(line => line.Trim()).ToArray();
        var properties = MagpieProperties.ToDictionary(name => name, name => ParseTable(name, ReadLines(name + ".table"), symbols.Length));
        return new ElementTable(symbols, properties);
    }

    internal static double[] ParseTable(string name, IReadOnlyList<string> lines, int count)
    {
        if (lines.Count < count)
        {
            throw new InvalidDataException($"Element table '{name}' has {lines.Count} lines; expected {count}.");
        }

        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var text = lines[i].Trim();
            values[i] = text == "Missing"
                ? double.NaN
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    ? value
                    : throw new InvalidDataException($"Element table '{name}' line {i + 1}: '{text}' is not a number.");
        }

        return values;
    }

    /// <summary>The non-empty lines of the embedded resource <c>Data/{file}</c>.</summary>
    internal static List<string> ReadLines(string file)
    {
        var name = "SelfDrivingLab.Materials.Data." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
