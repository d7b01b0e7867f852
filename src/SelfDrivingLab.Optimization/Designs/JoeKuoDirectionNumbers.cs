namespace SelfDrivingLab.Optimization.Designs;

/// <summary>
/// Sobol direction numbers of Joe and Kuo (new-joe-kuo-6.21201), dimensions 2 to 40; dimension 1 is van der Corput.
/// Each entry is "s a m_1 ... m_s": degree of the primitive polynomial, its coefficients, initial direction numbers.
/// </summary>
internal static class JoeKuoDirectionNumbers
{
    public const int MaxDimension = 40;

    private static readonly string[] Rows =
    [
        "1 0 1", "2 1 1 3", "3 1 1 3 1", "3 2 1 1 1", "4 1 1 1 3 3", "4 4 1 3 5 13", "5 2 1 1 5 5 17", "5 4 1 1 5 5 5",
        "5 7 1 1 7 11 19", "5 11 1 1 5 1 1", "5 13 1 1 1 3 11", "5 14 1 3 5 5 31", "6 1 1 3 3 9 7 49",
        "6 13 1 1 1 15 21 21", "6 16 1 3 1 13 27 49", "6 19 1 1 1 15 7 5", "6 22 1 3 1 15 13 25", "6 25 1 1 5 5 19 61",
        "7 1 1 3 7 11 23 15 103", "7 4 1 3 7 13 13 15 69", "7 7 1 1 3 13 7 35 63", "7 8 1 3 5 9 1 25 53",
        "7 14 1 3 1 13 9 35 107", "7 19 1 3 1 5 27 61 31", "7 21 1 1 5 11 19 41 61", "7 28 1 3 5 3 3 13 69",
        "7 31 1 1 7 13 1 19 1", "7 32 1 3 7 5 13 19 59", "7 37 1 1 3 9 25 29 41", "7 41 1 3 5 13 23 1 55",
        "7 42 1 3 7 3 13 59 17", "7 50 1 3 1 3 5 53 69", "7 55 1 1 5 5 23 33 13", "7 56 1 1 7 7 1 61 123",
        "7 59 1 1 7 9 13 61 49", "7 62 1 3 3 5 3 55 33", "8 14 1 3 1 15 31 13 49 245", "8 21 1 3 5 15 31 59 63 97",
        "8 22 1 3 1 11 11 11 77 249",
    ];

    /// <summary>The 32 direction numbers (as 32-bit binary fractions) of each of the first <paramref name="dimension"/> dimensions.</summary>
    public static uint[][] Build(int dimension)
    {
        var directions = new uint[dimension][];
        for (var d = 0; d < dimension; d++)
        {
            var v = new uint[32];
            if (d == 0)
            {
                for (var i = 0; i < 32; i++)
                {
                    v[i] = 1u << (31 - i);
                }
            }
            else
            {
                var numbers = Rows[d - 1].Split(' ').Select(uint.Parse).ToArray();
                var s = (int)numbers[0];
                var a = numbers[1];
                for (var i = 0; i < Math.Min(s, 32); i++)
                {
                    v[i] = numbers[2 + i] << (31 - i);
                }

                for (var i = s; i < 32; i++)
                {
                    v[i] = v[i - s] ^ (v[i - s] >> s);
                    for (var k = 1; k < s; k++)
                    {
                        v[i] ^= ((a >> (s - 1 - k)) & 1u) * v[i - k];
                    }
                }
            }

            directions[d] = v;
        }

        return directions;
    }
}
