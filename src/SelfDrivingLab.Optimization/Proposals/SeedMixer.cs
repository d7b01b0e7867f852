namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Derives independent, reproducible seeds from the campaign seed and an experiment number (SplitMix64).</summary>
internal static class SeedMixer
{
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
