namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Derives independent, reproducible seeds from a base seed, an index (an experiment number, an ensemble member) and a
/// stream number (SplitMix64). The project's one way to derive seeds. Thread-safe.
/// </summary>
public static class SeedMixer
{
    /// <summary>A non-negative seed that depends on all three arguments and is uncorrelated with its neighbours.</summary>
    public static int Mix(int seed, int index, int stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (uint)index ^ ((ulong)(uint)stream * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
