namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>Derives independent, reproducible seeds (SplitMix64 finalizer over the parts).</summary>
internal static class SeedMix
{
    public static int Combine(int a, int b, int c)
    {
        var x = unchecked((ulong)(uint)a * 0x9E3779B97F4A7C15UL);
        x = Mix(x ^ (uint)b);
        x = Mix(x ^ ((ulong)(uint)c << 32));
        return (int)(x & 0x7FFFFFFF);
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
