using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace SelfDrivingLab.Transport.Mqtt.Security;

/// <summary>
/// Credentials and TLS of client connections: the user name and password a connection presents, and how the broker's
/// certificate is checked (the embedded broker's per-run certificate is pinned; an external broker's is validated
/// against <see cref="MqttOptions.CaFile"/> or the system trust store, host name included). Immutable and thread-safe.
/// </summary>
internal sealed class ClientSecurity
{
    private readonly MqttOptions _options;
    private readonly EmbeddedMqttBroker? _embedded;
    private readonly Lazy<BrokerCredentials?> _fileCredentials;
    private readonly Lazy<string?> _filePassword;
    private readonly Lazy<X509Certificate2Collection?> _authorities;
    private readonly Lazy<X509Certificate2?> _clientCertificate;

    public ClientSecurity(MqttOptions options, EmbeddedMqttBroker? embedded)
    {
        _options = options;
        _embedded = options.Embedded ? embedded : null;
        _fileCredentials = new(() => options.CredentialsFile is { } file ? BrokerCredentials.Read(file) : null);
        _filePassword = new(() => options.PasswordFile is { } file ? ReadPasswordFile(file) : null);
        _authorities = new(() => LoadAuthorities(options.CaFile));
        _clientCertificate = new(() => options.ClientCertificateFile is { } file
            ? X509Certificate2.CreateFromPemFile(file, options.ClientKeyFile)
            : null);
    }

    public bool UsesTls => _embedded?.UsesTls ?? _options.Tls == true;

    /// <summary>The user name and password of a connection acting as <paramref name="identity"/> (null: the configured one).</summary>
    public (string? UserName, string? Password) CredentialsFor(string? identity)
    {
        if (_embedded is { } broker)
        {
            var credentials = broker.Access.Credentials;
            var name = identity is not null && credentials.PasswordOf(identity) is not null ? identity : broker.Access.DefaultUserName;
            return (name, credentials.PasswordOf(name));
        }

        if (identity is not null && _fileCredentials.Value?.PasswordOf(identity) is { } password)
        {
            return (identity, password);
        }

        return (_options.Username, _options.Password ?? _filePassword.Value ?? _fileCredentials.Value?.PasswordOf(_options.Username));
    }

    public void ApplyTls(MqttClientOptionsBuilder builder, string host)
    {
        if (!UsesTls)
        {
            return;
        }

        builder.WithTlsOptions(tls =>
        {
            tls.UseTls()
                .WithTargetHost(host)
                .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                .WithCertificateValidationHandler(args => IsTrusted(args.Certificate, args.SslPolicyErrors));
            if (_clientCertificate.Value is { } certificate)
            {
                tls.WithClientCertificates([certificate]);
            }
        });
    }

    private bool IsTrusted(X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null)
        {
            return false;
        }

        if (_embedded is { } broker)
        {
            // Pinned: exactly the certificate this process made for its broker, nothing else.
            return presented.GetRawCertData().AsSpan().SequenceEqual(broker.Certificate.RawData);
        }

        if (_authorities.Value is not { } authorities)
        {
            return errors == SslPolicyErrors.None;
        }

        // The host name must still match; only the chain is checked against the given authorities instead of the system's.
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static X509Certificate2Collection? LoadAuthorities(string? file)
    {
        if (file is null)
        {
            return null;
        }

        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(file);
        return collection.Count > 0
            ? collection
            : throw new InvalidDataException($"Mqtt:CaFile '{Path.GetFullPath(file)}' holds no PEM certificate.");
    }

    private static string ReadPasswordFile(string file)
    {
        var text = File.ReadAllText(file);
        return text.TrimEnd('\r', '\n');
    }
}
