using System.Security.Cryptography;
using System.Text;

namespace SelfDrivingLab.Hosting.Security;

/// <summary>
/// A password hash in Mosquitto 2's password-file format (what <c>mosquitto_passwd</c> writes):
/// <c>$7$101$&lt;base64 salt&gt;$&lt;base64 hash&gt;</c>, PBKDF2-HMAC-SHA512 over 101 iterations, 12-byte salt, 64-byte hash.
/// </summary>
public static class MosquittoPasswordHash
{
    /// <summary>Mosquitto's default iteration count.</summary>
    public const int Iterations = 101;

    /// <summary>Hashes <paramref name="password"/> with a fresh random salt.</summary>
    public static string Create(string password) => Create(password, RandomNumberGenerator.GetBytes(12));

    /// <summary>Hashes <paramref name="password"/> with <paramref name="salt"/> (for tests against known values).</summary>
    public static string Create(string password, byte[] salt)
    {
        ArgumentNullException.ThrowIfNull(password);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA512, 64);
        return $"$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }
}
