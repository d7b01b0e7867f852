using System.Text;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// Derives per-instrument seeds that are the same on every run and platform (unlike
/// <see cref="string.GetHashCode()"/>, which is randomized per process).
/// </summary>
public static class StableSeed
{
    /// <summary>A seed mixing <paramref name="seed"/> with the FNV-1a hash of <paramref name="key"/>'s UTF-8 bytes.</summary>
    public static int Derive(int seed, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var b in BitConverter.GetBytes(seed))
        {
            hash = (hash ^ b) * prime;
        }

        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * prime;
        }

        return unchecked((int)hash);
    }
}
