using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.Definitions.Tests.Space;

public sealed class SpaceEncoderTests
{
    private static SearchSpace MixedSpace() => new(
        [
            new ContinuousParameter("temperature", 100, 300),
            new ContinuousParameter("rate", 0.01, 100, LogScale: true),
            new IntegerParameter("cycles", 2, 12, Step: 2),
            new CategoricalParameter("solvent", ["water", "ethanol", "toluene"]),
            new ContinuousParameter("a", 0, 2),
            new ContinuousParameter("b", 0, 2),
            new ContinuousParameter("c", 0, 2),
        ],
        [new MixtureConstraint(["a", "b", "c"], 2)]);

    private static ParameterSet Set(params (string Name, ParameterValue Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, ParameterValue>(v.Name, v.Value)));

    private static ParameterSet ValidSet() => Set(
        ("temperature", 150.0), ("rate", 1.0), ("cycles", 6.0), ("solvent", "ethanol"), ("a", 0.5), ("b", 1.0), ("c", 0.5));

    [Fact]
    public void Dimension_MixedSpace_CountsOneHotColumns()
    {
        Assert.Equal(9, new SpaceEncoder(MixedSpace()).Dimension);
    }

    [Fact]
    public void Encode_MixedSpace_MapsEachKindToUnitCube()
    {
        var encoded = new SpaceEncoder(MixedSpace()).Encode(ValidSet());

        Assert.Equal(0.25, encoded[0], 12);
        Assert.Equal(0.5, encoded[1], 12); // log10(1) is halfway between log10(0.01) and log10(100)
        Assert.Equal(0.4, encoded[2], 12); // 6 is grid index 2 of 0..5
        Assert.Equal([0.0, 1.0, 0.0], encoded[3..6]);
        Assert.Equal([0.25, 0.5, 0.25], encoded[6..9]);
    }

    [Fact]
    public void Decode_EncodedSet_RoundTrips()
    {
        var encoder = new SpaceEncoder(MixedSpace());
        var original = ValidSet();

        var decoded = encoder.Decode(encoder.Encode(original));

        Assert.Equal(original.Count, decoded.Count);
        foreach (var (name, value) in original)
        {
            if (value.IsText)
            {
                Assert.Equal(value.Text, decoded[name].Text);
            }
            else
            {
                Assert.Equal(value.Number, decoded.GetNumber(name), 9);
            }
        }
    }

    [Theory]
    [InlineData(0.0, 2)]
    [InlineData(0.09, 2)]
    [InlineData(0.11, 4)]
    [InlineData(0.5, 6)] // 2.5 rounds to even index 2
    [InlineData(0.95, 12)]
    [InlineData(1.7, 12)]
    [InlineData(-3, 2)]
    public void Decode_IntegerCoordinate_RoundsToStepGrid(double coordinate, double expected)
    {
        var encoder = new SpaceEncoder(MixedSpace());
        var encoded = encoder.Encode(ValidSet());
        encoded[2] = coordinate;

        Assert.Equal(expected, encoder.Decode(encoded).GetNumber("cycles"));
    }

    [Fact]
    public void Decode_CategoricalBlock_PicksArgMax()
    {
        var encoder = new SpaceEncoder(MixedSpace());
        var encoded = encoder.Encode(ValidSet());
        encoded[3] = 0.2;
        encoded[4] = 0.1;
        encoded[5] = 0.7;

        Assert.Equal("toluene", encoder.Decode(encoded)["solvent"].Text);
    }

    [Theory]
    [InlineData(0.9, 0.9, 0.9)]
    [InlineData(-1, 0.3, 0.1)]
    [InlineData(0, 0, 0)]
    [InlineData(5, -2, 0.4)]
    [InlineData(0.1234567, 0.3, 0.7777)]
    public void Decode_ArbitraryMixtureCoordinates_ProjectsOntoSimplexSummingExactly(double a, double b, double c)
    {
        var encoder = new SpaceEncoder(MixedSpace());
        var encoded = encoder.Encode(ValidSet());
        encoded[6] = a;
        encoded[7] = b;
        encoded[8] = c;

        var decoded = encoder.Decode(encoded);

        var parts = new[] { decoded.GetNumber("a"), decoded.GetNumber("b"), decoded.GetNumber("c") };
        Assert.All(parts, p => Assert.InRange(p, 0, 2));
        Assert.Equal(2.0, parts[0] + parts[1] + parts[2]);
        encoder.Validate(decoded);
    }

    [Fact]
    public void Decode_MixtureInsideSimplex_IsUnchanged()
    {
        var encoder = new SpaceEncoder(MixedSpace());
        var encoded = encoder.Encode(ValidSet());
        encoded[6] = 0.2;
        encoded[7] = 0.3;
        encoded[8] = 0.5;

        var decoded = encoder.Decode(encoded);

        Assert.Equal(0.4, decoded.GetNumber("a"), 12);
        Assert.Equal(0.6, decoded.GetNumber("b"), 12);
        Assert.Equal(1.0, decoded.GetNumber("c"), 12);
    }

    [Fact]
    public void Sample_ManyDraws_AreValidAndCoverTheSpace()
    {
        var encoder = new SpaceEncoder(MixedSpace());
        var random = new Random(3);
        var samples = Enumerable.Range(0, 2000).Select(_ => encoder.Sample(random)).ToArray();

        foreach (var s in samples)
        {
            encoder.Validate(s);
        }

        Assert.Equal(3, samples.Select(s => s["solvent"].Text).Distinct().Count());
        Assert.Equal(6, samples.Select(s => s.GetNumber("cycles")).Distinct().Count());
        // Dirichlet(1) on 3 components: each fraction has mean 1/3, and the log-uniform rate has median 1.
        Assert.InRange(samples.Average(s => s.GetNumber("a")), 2.0 / 3 - 0.05, 2.0 / 3 + 0.05);
        Assert.InRange(samples.Count(s => s.GetNumber("rate") < 1) / 2000.0, 0.45, 0.55);
    }

    [Theory]
    [InlineData("missing", "temperature")]
    [InlineData("unknown", "pressure")]
    [InlineData("text-for-number", "temperature")]
    [InlineData("out-of-range", "temperature")]
    [InlineData("off-grid", "cycles")]
    [InlineData("non-integer", "cycles")]
    [InlineData("unknown-category", "solvent")]
    [InlineData("number-for-category", "solvent")]
    [InlineData("mixture-sum", "a, b, c")]
    public void Validate_BadSet_ThrowsNamingTheParameter(string problem, string named)
    {
        var encoder = new SpaceEncoder(MixedSpace());
        var valid = ValidSet();
        var bad = problem switch
        {
            "missing" => new ParameterSet(valid.Where(kv => kv.Key != "temperature")),
            "unknown" => valid.With("pressure", 1.0),
            "text-for-number" => valid.With("temperature", "hot"),
            "out-of-range" => valid.With("temperature", 301.0),
            "off-grid" => valid.With("cycles", 5.0),
            "non-integer" => valid.With("cycles", 6.5),
            "unknown-category" => valid.With("solvent", "acetone"),
            "number-for-category" => valid.With("solvent", 1.0),
            "mixture-sum" => valid.With("a", 0.6),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var error = Assert.Throws<ArgumentException>(() => encoder.Validate(bad));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => encoder.Encode(bad));
    }

    [Fact]
    public void Validate_MixtureWithinTolerance_Passes()
    {
        var encoder = new SpaceEncoder(MixedSpace());

        encoder.Validate(ValidSet().With("a", 0.5 + 5e-7));
    }
}
