using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Space;

/// <summary>
/// Maps parameter sets of a <see cref="SearchSpace"/> to points of the unit cube the surrogates work in, and back.
/// Continuous parameters map linearly (or in log space when <see cref="ContinuousParameter.LogScale"/>); integers map
/// their position on the step grid to [0, 1]; categoricals are one-hot; mixture components are encoded as fractions of
/// their total. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Besides the encoded cube there is a "design cube" with exactly one coordinate per parameter, in which uniform
/// points are uniform over the space (integers and categoricals by equal-mass bins, mixtures via the exponential
/// transform that makes independent uniforms Dirichlet(1)). Initial designs and candidate search work there so that
/// space-filling properties hold per parameter.
/// </remarks>
public sealed partial class SpaceEncoder
{
    private readonly EncodedSlot[] _slots;
    private readonly Dictionary<string, EncodedSlot> _byName;
    private readonly int[][] _mixtureSlots;

    /// <summary>Builds the encoder for <paramref name="space"/>.</summary>
    public SpaceEncoder(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        Space = space;
        var mixtureOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < space.Mixtures.Count; m++)
        {
            foreach (var component in space.Mixtures[m].Components)
            {
                mixtureOf[component] = m;
            }
        }

        _slots = new EncodedSlot[space.Parameters.Count];
        var offset = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            var p = space.Parameters[i];
            var width = p is CategoricalParameter c ? c.Choices.Count : 1;
            var grid = p is IntegerParameter ip ? ((ip.High - ip.Low) / ip.Step) + 1 : 0;
            _slots[i] = new EncodedSlot(p, offset, width, i, mixtureOf.GetValueOrDefault(p.Name, -1), grid);
            offset += width;
        }

        Dimension = offset;
        _byName = _slots.ToDictionary(s => s.Parameter.Name, StringComparer.Ordinal);
        _mixtureSlots = space.Mixtures
            .Select(m => m.Components.Select(name => Array.IndexOf(_slots, _byName[name])).ToArray())
            .ToArray();
    }

    /// <summary>The space this encoder maps.</summary>
    public SearchSpace Space { get; }

    /// <summary>Number of coordinates of an encoded point.</summary>
    public int Dimension { get; }

    /// <summary>Number of coordinates of a design point (one per parameter).</summary>
    internal int DesignDimension => _slots.Length;

    /// <summary>Validates <paramref name="parameters"/> and maps them into the unit cube.</summary>
    /// <exception cref="ArgumentException">The set does not belong to the space; the message names the parameter.</exception>
    public double[] Encode(ParameterSet parameters)
    {
        Validate(parameters);
        var encoded = new double[Dimension];
        foreach (var slot in _slots)
        {
            var name = slot.Parameter.Name;
            switch (slot.Parameter)
            {
                case ContinuousParameter when slot.Mixture >= 0:
                    encoded[slot.Offset] = parameters.GetNumber(name) / Space.Mixtures[slot.Mixture].Total;
                    break;
                case ContinuousParameter c:
                    encoded[slot.Offset] = Math.Clamp(ContinuousToUnit(c, parameters.GetNumber(name)), 0, 1);
                    break;
                case IntegerParameter i:
                    encoded[slot.Offset] = (parameters.GetNumber(name) - i.Low) / i.Step / (slot.GridCount - 1);
                    break;
                case CategoricalParameter k:
                    encoded[slot.Offset + IndexOfChoice(k, parameters[name].AsText(name))] = 1;
                    break;
            }
        }

        return encoded;
    }

    /// <summary>
    /// Maps a point of the encoded cube back to a valid parameter set: coordinates are clamped to [0, 1], integers are
    /// rounded to the nearest grid point, a categorical takes its largest coordinate (the first on ties), and mixture
    /// fractions are projected onto the simplex so that the components are non-negative and sum to their total.
    /// </summary>
    /// <exception cref="ArgumentException">Wrong length or a NaN coordinate.</exception>
    public ParameterSet Decode(ReadOnlySpan<double> encoded)
    {
        if (encoded.Length != Dimension)
        {
            throw new ArgumentException($"An encoded point of this space has {Dimension} coordinates, not {encoded.Length}.", nameof(encoded));
        }

        for (var j = 0; j < encoded.Length; j++)
        {
            if (double.IsNaN(encoded[j]))
            {
                throw new ArgumentException($"Encoded coordinate {j} is NaN.", nameof(encoded));
            }
        }

        var values = new KeyValuePair<string, ParameterValue>[_slots.Length];
        foreach (var slot in _slots)
        {
            if (slot.Mixture >= 0)
            {
                continue;
            }

            var e = Math.Clamp(encoded[slot.Offset], 0, 1);
            ParameterValue value = slot.Parameter switch
            {
                ContinuousParameter c => Math.Clamp(UnitToContinuous(c, e), c.Low, c.High),
                IntegerParameter i => i.Low + (i.Step * Math.Round(e * (slot.GridCount - 1))),
                CategoricalParameter k => k.Choices[ArgMax(encoded.Slice(slot.Offset, slot.Width))],
                _ => throw new InvalidOperationException($"Unsupported parameter {slot.Parameter.Name}."),
            };
            values[slot.DesignIndex] = new(slot.Parameter.Name, value);
        }

        for (var m = 0; m < _mixtureSlots.Length; m++)
        {
            DecodeMixture(m, encoded, values);
        }

        return new ParameterSet(values);
    }

    /// <summary>Draws a parameter set uniformly: uniform per parameter (log-uniform on log scales), mixtures uniform on the simplex.</summary>
    /// <exception cref="InfeasibleSpaceException">No draw of <see cref="MaxConstraintAttempts"/> satisfied the linear constraints.</exception>
    public ParameterSet Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (var attempt = 0; attempt < MaxConstraintAttempts; attempt++)
        {
            var design = new double[DesignDimension];
            for (var j = 0; j < design.Length; j++)
            {
                design[j] = random.NextDouble();
            }

            // Linear constraints: rejection sampling (uniform on the feasible region).
            var sample = FromDesign(design);
            if (Space.SatisfiesConstraints(sample))
            {
                return sample;
            }
        }

        throw new InfeasibleSpaceException(
            $"No point satisfying the constraints ({string.Join("; ", Space.Constraints)}) was found in {MaxConstraintAttempts} random draws; the feasible region is empty or tiny.");
    }

    /// <summary>Random draws tried before a space's linear constraints are declared (practically) infeasible.</summary>
    public const int MaxConstraintAttempts = 100_000;

    /// <summary>The parameter set at a point of the design cube.</summary>
    internal ParameterSet FromDesign(ReadOnlySpan<double> design)
    {
        var encoded = new double[Dimension];
        DesignToEncoded(design, encoded);
        return Decode(encoded);
    }

    /// <summary>
    /// Writes the encoded point of the parameter set at <paramref name="design"/>, already rounded to the grid, one-hot
    /// and on the simplex, so that the model scores exactly what <see cref="FromDesign"/> would propose.
    /// </summary>
    internal void DesignToEncoded(ReadOnlySpan<double> design, Span<double> encoded)
    {
        encoded.Clear();
        foreach (var slot in _slots)
        {
            var u = Math.Clamp(design[slot.DesignIndex], 0, 1);
            switch (slot.Parameter)
            {
                case ContinuousParameter when slot.Mixture >= 0:
                    break;
                case ContinuousParameter:
                    encoded[slot.Offset] = u;
                    break;
                case IntegerParameter:
                    encoded[slot.Offset] = (double)Math.Min((long)(u * slot.GridCount), slot.GridCount - 1) / (slot.GridCount - 1);
                    break;
                case CategoricalParameter:
                    encoded[slot.Offset + Math.Min((int)(u * slot.Width), slot.Width - 1)] = 1;
                    break;
            }
        }

        foreach (var mixture in _mixtureSlots)
        {
            // -log(1-u) turns independent uniforms into Exp(1) draws; normalized, they are Dirichlet(1) = uniform on the simplex.
            var sum = 0.0;
            foreach (var s in mixture)
            {
                var w = -Math.Log(1 - Math.Min(Math.Clamp(design[_slots[s].DesignIndex], 0, 1), 1 - 1e-12));
                encoded[_slots[s].Offset] = w;
                sum += w;
            }

            foreach (var s in mixture)
            {
                encoded[_slots[s].Offset] = sum > 0 ? encoded[_slots[s].Offset] / sum : 1.0 / mixture.Length;
            }
        }
    }

    private void DecodeMixture(int m, ReadOnlySpan<double> encoded, KeyValuePair<string, ParameterValue>[] values)
    {
        var slots = _mixtureSlots[m];
        var total = Space.Mixtures[m].Total;
        var fractions = new double[slots.Length];
        for (var j = 0; j < slots.Length; j++)
        {
            fractions[j] = encoded[_slots[slots[j]].Offset];
        }

        SimplexProjection.Project(fractions);
        var amounts = new double[slots.Length];
        var largest = 0;
        for (var j = 0; j < slots.Length; j++)
        {
            amounts[j] = Math.Clamp(fractions[j] * total, 0, total);
            largest = amounts[j] > amounts[largest] ? j : largest;
        }

        // The largest component absorbs the rounding so the sum is the total to the last bit (it stays >= 0).
        var others = 0.0;
        for (var j = 0; j < slots.Length; j++)
        {
            others += j == largest ? 0 : amounts[j];
        }

        amounts[largest] = Math.Max(0, total - others);
        for (var j = 0; j < slots.Length; j++)
        {
            var slot = _slots[slots[j]];
            values[slot.DesignIndex] = new(slot.Parameter.Name, amounts[j]);
        }
    }

    private static double ContinuousToUnit(ContinuousParameter c, double x) =>
        c.LogScale ? (Math.Log(x) - Math.Log(c.Low)) / (Math.Log(c.High) - Math.Log(c.Low)) : (x - c.Low) / (c.High - c.Low);

    private static double UnitToContinuous(ContinuousParameter c, double e) =>
        c.LogScale ? Math.Exp(Math.Log(c.Low) + (e * (Math.Log(c.High) - Math.Log(c.Low)))) : c.Low + (e * (c.High - c.Low));

    private static int IndexOfChoice(CategoricalParameter k, string choice)
    {
        for (var j = 0; j < k.Choices.Count; j++)
        {
            if (string.Equals(k.Choices[j], choice, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return -1;
    }

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        var best = 0;
        for (var j = 1; j < values.Length; j++)
        {
            best = values[j] > values[best] ? j : best;
        }

        return best;
    }
}
