using System.Numerics;

namespace SelfDrivingLab.Optimization.Designs;

/// <summary>
/// Sobol low-discrepancy points in [0, 1)^d (Joe–Kuo direction numbers, Gray-code order, first point included),
/// optionally scrambled by a seeded random linear matrix scramble plus digital shift (Matoušek's "Owen-lite"
/// scrambling, as in SciPy), which keeps the net properties and makes the points unbiased. Not thread-safe.
/// </summary>
internal sealed class SobolSequence
{
    private readonly uint[][] _directions;
    private readonly uint[] _shift;
    private readonly uint[] _current;
    private long _index;

    /// <param name="dimension">1 to <see cref="JoeKuoDirectionNumbers.MaxDimension"/>.</param>
    /// <param name="scrambleSeed">Seed of the scramble, or null for the plain sequence.</param>
    public SobolSequence(int dimension, int? scrambleSeed)
    {
        if (dimension < 1 || dimension > JoeKuoDirectionNumbers.MaxDimension)
        {
            throw new ArgumentOutOfRangeException(
                nameof(dimension), dimension, $"Sobol points are available for 1 to {JoeKuoDirectionNumbers.MaxDimension} dimensions.");
        }

        _directions = JoeKuoDirectionNumbers.Build(dimension);
        _shift = new uint[dimension];
        _current = new uint[dimension];
        if (scrambleSeed is { } seed)
        {
            var random = new Random(seed);
            for (var d = 0; d < dimension; d++)
            {
                ScrambleDirections(_directions[d], random);
                _shift[d] = (uint)random.NextInt64(0, 1L << 32);
            }
        }
    }

    public int Dimension => _directions.Length;

    /// <summary>Writes the next point into <paramref name="point"/>.</summary>
    public void Next(Span<double> point)
    {
        if (_index > 0)
        {
            // Gray-code order: point n differs from point n-1 by the direction of the lowest zero bit of n-1.
            var bit = BitOperations.TrailingZeroCount(~(ulong)(_index - 1));
            if (bit >= 32)
            {
                throw new InvalidOperationException("A Sobol sequence supports at most 2^32 points.");
            }

            for (var d = 0; d < _current.Length; d++)
            {
                _current[d] ^= _directions[d][bit];
            }
        }

        _index++;
        for (var d = 0; d < _current.Length; d++)
        {
            point[d] = (_current[d] ^ _shift[d]) * (1.0 / 4294967296.0);
        }
    }

    /// <summary>The next <paramref name="count"/> points.</summary>
    public double[][] Take(int count)
    {
        var points = new double[count][];
        for (var i = 0; i < count; i++)
        {
            points[i] = new double[Dimension];
            Next(points[i]);
        }

        return points;
    }

    private static void ScrambleDirections(uint[] directions, Random random)
    {
        // A random lower-triangular binary matrix with unit diagonal (rows are bit masks, most significant bit first):
        // output bit j is the parity of the input bits at positions 0..j selected by row j.
        var rows = new uint[32];
        for (var j = 0; j < 32; j++)
        {
            var diagonal = 1u << (31 - j);
            var above = j == 0 ? 0u : ~((diagonal << 1) - 1);
            rows[j] = diagonal | ((uint)random.NextInt64(0, 1L << 32) & above);
        }

        for (var i = 0; i < directions.Length; i++)
        {
            var scrambled = 0u;
            for (var j = 0; j < 32; j++)
            {
                scrambled |= (uint)(BitOperations.PopCount(rows[j] & directions[i]) & 1) << (31 - j);
            }

            directions[i] = scrambled;
        }
    }
}
