using System.Globalization;
using System.Text;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Protocol.Security;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Hosting.Security;

/// <summary>Where and how the generated Mosquitto listens. Immutable.</summary>
/// <param name="Port">TCP port (default 8883 with TLS, 1883 without).</param>
/// <param name="Bind">Address to listen on (default 127.0.0.1).</param>
/// <param name="CertificateFile">PEM server certificate; with <see cref="KeyFile"/> the listener serves TLS only.</param>
/// <param name="KeyFile">PEM private key of <see cref="CertificateFile"/>.</param>
/// <param name="CaFile">PEM CA that signs client certificates; when set, clients must present one.</param>
public sealed record MosquittoListener(int? Port = null, string Bind = "127.0.0.1", string? CertificateFile = null, string? KeyFile = null, string? CaFile = null)
{
    /// <summary>True when the listener serves TLS.</summary>
    public bool Tls => CertificateFile is not null;
}

/// <summary>
/// Writes a Mosquitto configuration from a facility definition — the same <see cref="AccessPolicy"/> the embedded broker
/// enforces: <c>mosquitto.conf</c> (no anonymous clients), <c>passwd</c> (Mosquitto's PBKDF2-SHA512 hashes),
/// <c>acl</c> (one <c>user</c> block per identity, listing exactly its grants) and <c>credentials.json</c> (every
/// identity's password, owner-only, to hand to each client; kept when the files are written again).
/// </summary>
public static class MosquittoBrokerConfig
{
    /// <summary>The files written, by name.</summary>
    public const string ConfigFile = "mosquitto.conf";

    /// <summary>The password file.</summary>
    public const string PasswordFile = "passwd";

    /// <summary>The ACL file.</summary>
    public const string AclFile = "acl";

    /// <summary>The identities' passwords (owner-only).</summary>
    public const string CredentialsFile = "credentials.json";

    /// <summary>
    /// Writes the four files into <paramref name="directory"/> and returns the policy they enforce. A facility with other
    /// sites (<see cref="FacilityDefinition.OtherSites"/>) gets one subdirectory per site instead (<c>DIR/{site}/</c>),
    /// sharing one set of passwords: the facility's site is the hub whose broker bridges to each other site
    /// (<see cref="MosquittoSiteBridges"/>); each other site's broker listens on the port of its <c>broker:</c> address
    /// (with TLS when that address is <c>mqtts://</c>, using the same certificate files).
    /// </summary>
    /// <param name="facility">The facility.</param>
    /// <param name="directory">Where to write.</param>
    /// <param name="listener">The facility's own site's listener.</param>
    /// <param name="bridgeCaFile">PEM CA of the other sites' server certificates for bridges over TLS (null: the system's CAs).</param>
    public static AccessPolicy Write(FacilityDefinition facility, string directory, MosquittoListener listener, string? bridgeCaFile = null)
    {
        ArgumentNullException.ThrowIfNull(facility);
        ArgumentNullException.ThrowIfNull(listener);
        var full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        var identities = FacilityAccess.Of(facility);
        var bridge = MosquittoSiteBridges.IdentityOf(facility.Site);
        if (facility.OtherSites.Count > 0 && identities.Any(i => i.Name == bridge))
        {
            throw new InvalidDataException($"the identity '{bridge}' is reserved for the bridges between the facility's sites; rename it in access:");
        }

        // Passwords already handed out stay valid: only new identities get new ones.
        var credentialsPath = Path.Combine(full, CredentialsFile);
        var existing = File.Exists(credentialsPath) ? BrokerCredentials.Read(credentialsPath) : null;
        var names = identities.Select(i => i.Name).Concat(facility.OtherSites.Count > 0 ? [bridge] : []);
        var passwords = names.ToDictionary(n => n, n => existing?.PasswordOf(n) ?? BrokerCredentials.NewPassword(), StringComparer.Ordinal);
        var credentials = new BrokerCredentials(passwords);
        credentials.Write(credentialsPath);
        if (facility.OtherSites.Count == 0)
        {
            return WriteSite(facility, new AccessPolicy(facility.Site, identities), full, listener, passwords, bridgeUser: null, extraConfig: string.Empty);
        }

        var allSites = facility.OtherSites.Select(o => o.Id).Prepend(facility.Site).ToList();
        var hubDirectory = Path.Combine(full, facility.Site.Value);
        Directory.CreateDirectory(hubDirectory);
        credentials.Write(Path.Combine(hubDirectory, CredentialsFile));
        var hub = WriteSite(
            facility,
            new AccessPolicy(facility.Site, identities, allSites),
            hubDirectory,
            listener,
            passwords,
            bridgeUser: null,
            MosquittoSiteBridges.HubSections(facility, passwords[bridge], bridgeCaFile));
        foreach (var other in facility.OtherSites)
        {
            var siteDirectory = Path.Combine(full, other.Id.Value);
            Directory.CreateDirectory(siteDirectory);
            credentials.Write(Path.Combine(siteDirectory, CredentialsFile));
            var siteListener = listener with
            {
                Port = other.Port,
                CertificateFile = other.Tls ? listener.CertificateFile : null,
                KeyFile = other.Tls ? listener.KeyFile : null,
                CaFile = other.Tls ? listener.CaFile : null,
            };
            WriteSite(facility, new AccessPolicy(other.Id, identities, allSites), siteDirectory, siteListener, passwords, (bridge, other.Id), extraConfig: string.Empty);
        }

        return hub;
    }

    private static AccessPolicy WriteSite(
        FacilityDefinition facility,
        AccessPolicy policy,
        string directory,
        MosquittoListener listener,
        Dictionary<string, string> passwords,
        (string Name, Core.Ids.SiteId Site)? bridgeUser,
        string extraConfig)
    {
        var passwd = new StringBuilder();
        var users = policy.Identities.Select(i => i.Name).Concat(bridgeUser is { } b ? [b.Name] : []);
        foreach (var user in users)
        {
            passwd.Append(user).Append(':').Append(MosquittoPasswordHash.Create(passwords[user])).Append('\n');
        }

        // Mosquitto reads the password file after dropping to its own user, so it cannot be owner-only here; it holds
        // salted hashes only. The README says to hand it to that user (chown mosquitto, chmod 600) when installing it.
        File.WriteAllText(Path.Combine(directory, PasswordFile), passwd.ToString());

        var acl = new StringBuilder($"# Generated by sdl facility broker-config from facility '{facility.Name}' (site {policy.Site}); anything not listed is denied.\n");
        foreach (var identity in policy.Identities)
        {
            acl.Append('\n').Append("# ").Append(identity.Role.ToString().ToLowerInvariant()).Append('\n');
            acl.Append("user ").Append(identity.Name).Append('\n');
            foreach (var rule in policy.RulesFor(identity.Name))
            {
                acl.Append("topic ").Append(rule.Access == TopicAccess.Read ? "read " : "write ").Append(rule.Filter).Append('\n');
            }
        }

        if (bridgeUser is { } bridge)
        {
            acl.Append(MosquittoSiteBridges.AclOnOtherSite(facility.Site, bridge.Site));
        }

        File.WriteAllText(Path.Combine(directory, AclFile), acl.ToString());
        File.WriteAllText(Path.Combine(directory, ConfigFile), Config(facility, policy.Site, directory, listener) + extraConfig);
        return policy;
    }

    private static string Config(FacilityDefinition facility, Core.Ids.SiteId site, string directory, MosquittoListener listener)
    {
        var port = listener.Port ?? (listener.Tls ? 8883 : 1883);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Generated by sdl facility broker-config from facility '{facility.Name}' (site {site}).\n");
        text.Append("per_listener_settings false\n");
        text.Append("allow_anonymous false\n");
        text.Append(CultureInfo.InvariantCulture, $"password_file {Path.Combine(directory, PasswordFile)}\n");
        text.Append(CultureInfo.InvariantCulture, $"acl_file {Path.Combine(directory, AclFile)}\n");
        text.Append("max_queued_messages 10000\n");
        text.Append(CultureInfo.InvariantCulture, $"\nlistener {port} {listener.Bind}\n");
        if (listener.Tls)
        {
            text.Append(CultureInfo.InvariantCulture, $"certfile {Path.GetFullPath(listener.CertificateFile!)}\n");
            text.Append(CultureInfo.InvariantCulture, $"keyfile {Path.GetFullPath(listener.KeyFile!)}\n");
            text.Append("tls_version tlsv1.2\n");
            if (listener.CaFile is { } ca)
            {
                text.Append(CultureInfo.InvariantCulture, $"cafile {Path.GetFullPath(ca)}\n");
                text.Append("require_certificate true\n");
            }
        }

        return text.ToString();
    }
}
