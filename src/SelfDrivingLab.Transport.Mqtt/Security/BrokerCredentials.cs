using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfDrivingLab.Transport.Mqtt.Security;

/// <summary>
/// Passwords of broker identities (user name → password): generated per run for the embedded broker, written by
/// <c>sdl facility broker-config</c> for Mosquitto, read from <see cref="MqttOptions.CredentialsFile"/> by a process
/// whose connections act as several identities (the simulated instruments of <c>sdl simulate</c>). The file is JSON
/// (<c>{"identities": {"printer-1": "…"}}</c>) that only its owner may read (Unix mode 600). Immutable and thread-safe.
/// </summary>
public sealed class BrokerCredentials
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly FrozenDictionary<string, string> _passwords;

    /// <summary>Creates the set from user name → password.</summary>
    public BrokerCredentials(IReadOnlyDictionary<string, string> passwords)
    {
        ArgumentNullException.ThrowIfNull(passwords);
        _passwords = passwords.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every user name, sorted.</summary>
    public IReadOnlyList<string> UserNames => [.. _passwords.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A fresh random password (256 bits, URL-safe base64) for each of <paramref name="userNames"/>.</summary>
    public static BrokerCredentials Generate(IEnumerable<string> userNames) =>
        new(userNames.Distinct(StringComparer.Ordinal).ToDictionary(n => n, _ => NewPassword(), StringComparer.Ordinal));

    /// <summary>A random password: 32 bytes from the OS generator, URL-safe base64 without padding.</summary>
    public static string NewPassword() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The password of <paramref name="userName"/>, or null.</summary>
    public string? PasswordOf(string? userName) => userName is not null && _passwords.TryGetValue(userName, out var password) ? password : null;

    /// <summary>True when <paramref name="password"/> is <paramref name="userName"/>'s (compared in constant time).</summary>
    public bool Verify(string? userName, string? password)
    {
        if (PasswordOf(userName) is not { } expected || password is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(password));
    }

    /// <summary>Writes the set to <paramref name="path"/>, readable and writable by its owner only (mode 600 on Unix), atomically.</summary>
    public void Write(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        var text = JsonSerializer.Serialize(new CredentialsDocument(_passwords.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value)), Json);
        CreateOwnerOnly(temporary);
        File.WriteAllText(temporary, text);
        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Creates (or truncates) <paramref name="path"/> with owner-only permissions before anything secret is written to it.</summary>
    public static void CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (new FileStream(path, options))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode only applies to a new file; an existing one keeps its mode unless set here.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>Reads a credentials file; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static BrokerCredentials Read(string path)
    {
        var full = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cannot read the credentials file {full}: {ex.Message}", ex);
        }

        try
        {
            var document = JsonSerializer.Deserialize<CredentialsDocument>(text);
            if (document?.Identities is not { Count: > 0 } identities || identities.Any(p => string.IsNullOrEmpty(p.Key) || string.IsNullOrEmpty(p.Value)))
            {
                throw new InvalidDataException($"the credentials file {full} holds no identities (expected {{\"identities\": {{\"name\": \"password\"}}}})");
            }

            return new BrokerCredentials(identities);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the credentials file {full} is not valid JSON: {ex.Message}", ex);
        }
    }

    private sealed record CredentialsDocument([property: JsonPropertyName("identities")] Dictionary<string, string>? Identities);
}
