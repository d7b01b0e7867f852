using System.Security.Cryptography;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>Damages files as a failing disk would, and fingerprints them to prove they were left unchanged.</summary>
internal static class FileDamage
{
    private const int PageSize = 4096;

    /// <summary>Overwrites 8 KB (two SQLite pages) in the middle of the file with seeded random bytes.</summary>
    public static void Overwrite8KbInside(string path)
    {
        var length = new FileInfo(path).Length;
        if (length < 8 * PageSize)
        {
            throw new InvalidOperationException($"'{path}' is too small ({length} bytes) to damage inside it");
        }

        var garbage = new byte[2 * PageSize];
        new Random(9).NextBytes(garbage);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Position = length / PageSize / 2 * PageSize;
        file.Write(garbage);
    }

    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
