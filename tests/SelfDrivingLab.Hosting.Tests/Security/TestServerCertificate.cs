using System.Security.Cryptography.X509Certificates;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Hosting.Tests.Security;

/// <summary>A self-signed server certificate for 127.0.0.1 written as PEM files (certificate, key), for a test broker's TLS listener.</summary>
internal sealed record TestServerCertificate(string CertificateFile, string KeyFile)
{
    /// <summary>Writes <c>server.pem</c> and <c>server.key</c> (PKCS#8) into <paramref name="directory"/>; the certificate is its own CA.</summary>
    public static TestServerCertificate Write(string directory)
    {
        Directory.CreateDirectory(directory);
        using var certificate = SelfSignedCertificate.Create();
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the certificate has no ECDSA key");
        var written = new TestServerCertificate(Path.Combine(directory, "server.pem"), Path.Combine(directory, "server.key"));
        File.WriteAllText(written.CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(written.KeyFile, key.ExportPkcs8PrivateKeyPem());
        return written;
    }
}
