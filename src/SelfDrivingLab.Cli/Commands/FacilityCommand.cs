using System.CommandLine;
using SelfDrivingLab.Hosting.Security;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// <c>sdl facility broker-config &lt;facility.yaml&gt; --out DIR</c>: writes a Mosquitto configuration (mosquitto.conf,
/// password file, ACL file, and the identities' passwords) enforcing the same roles as the embedded broker.
/// </summary>
internal static class FacilityCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("facility", "Commands about a facility definition.");
        command.Subcommands.Add(BrokerConfig(console));
        return command;
    }

    private static Command BrokerConfig(CliConsole console)
    {
        var file = new Argument<FileInfo>("facility") { Description = "The facility file (or a campaign file) whose identities and roles the broker enforces." };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write mosquitto.conf, passwd, acl and credentials.json into.", Required = true };
        var port = new Option<int?>("--port") { Description = "Listener port (default 8883 with --tls-cert, otherwise 1883)." };
        var bind = new Option<string>("--bind") { Description = "Listener address (default 127.0.0.1).", DefaultValueFactory = _ => "127.0.0.1" };
        var certificate = new Option<FileInfo?>("--tls-cert") { Description = "PEM server certificate: the listener serves TLS only." };
        var key = new Option<FileInfo?>("--tls-key") { Description = "PEM private key of --tls-cert." };
        var clientCa = new Option<FileInfo?>("--client-ca") { Description = "PEM CA of client certificates: clients must present one it signed." };
        var bridgeCa = new Option<FileInfo?>("--bridge-ca") { Description = "PEM CA of the other sites' broker certificates, for bridges to mqtts:// sites (default: the system's CAs)." };
        var command = new Command("broker-config", "Write a Mosquitto configuration (conf, password file, ACL, credentials) from a facility definition.")
        {
            file, output, port, bind, certificate, key, clientCa, bridgeCa,
        };
        command.SetAction(parse =>
        {
            var tlsCert = parse.GetValue(certificate);
            var tlsKey = parse.GetValue(key);
            if ((tlsCert is null) != (tlsKey is null))
            {
                console.Error.WriteLine("error: --tls-cert and --tls-key go together.");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(clientCa) is { } ca && tlsCert is null)
            {
                console.Error.WriteLine($"error: --client-ca ({ca.FullName}) needs --tls-cert and --tls-key.");
                return ExitCodes.BadInput;
            }

            foreach (var given in new[] { tlsCert, tlsKey, parse.GetValue(clientCa), parse.GetValue(bridgeCa) })
            {
                if (given is { Exists: false })
                {
                    console.Error.WriteLine($"error: {given.FullName} does not exist.");
                    return ExitCodes.BadInput;
                }
            }

            if (parse.GetValue(port) is { } p && p is < 1 or > 65535)
            {
                console.Error.WriteLine($"error: --port {p} is not a port (1-65535).");
                return ExitCodes.BadInput;
            }

            if (!CampaignFileReader.TryLoadFacility(parse.GetValue(file)!, console, out var facility))
            {
                return ExitCodes.BadInput;
            }

            var directory = parse.GetValue(output)!.FullName;
            if (facility.OtherSites.FirstOrDefault(s => s.Tls) is { } tlsSite && tlsCert is null)
            {
                console.Error.WriteLine($"error: site '{tlsSite.Id}' is reached over TLS (mqtts://); its broker needs --tls-cert and --tls-key.");
                return ExitCodes.BadInput;
            }

            try
            {
                var listener = new MosquittoListener(parse.GetValue(port), parse.GetValue(bind)!, tlsCert?.FullName, tlsKey?.FullName, parse.GetValue(clientCa)?.FullName);
                var policy = MosquittoBrokerConfig.Write(facility, directory, listener, parse.GetValue(bridgeCa)?.FullName);
                if (facility.OtherSites.Count > 0)
                {
                    console.Out.WriteLine($"Wrote one broker configuration per site to {directory}: {facility.Site} (bridged to {string.Join(", ", facility.OtherSites.Select(s => s.Id.Value))})"
                        + string.Concat(facility.OtherSites.Select(s => $", {s.Id} (listening on port {s.Port})")) + ".");
                    foreach (var site in facility.OtherSites.Select(s => s.Id.Value).Prepend(facility.Site.Value))
                    {
                        console.Out.WriteLine($"Start site {site}'s broker with: mosquitto -c {Path.Combine(directory, site, MosquittoBrokerConfig.ConfigFile)}");
                    }

                    return ExitCodes.Ok;
                }

                console.Out.WriteLine($"Wrote {MosquittoBrokerConfig.ConfigFile}, {MosquittoBrokerConfig.PasswordFile}, {MosquittoBrokerConfig.AclFile} and {MosquittoBrokerConfig.CredentialsFile} (owner-only) to {directory}:");
                foreach (var identity in policy.Identities)
                {
                    console.Out.WriteLine($"  {identity.Name} ({identity.Role.ToString().ToLowerInvariant()})");
                }

                console.Out.WriteLine($"Start the broker with: mosquitto -c {Path.Combine(directory, MosquittoBrokerConfig.ConfigFile)}");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                console.Error.WriteLine($"error: cannot write to {directory}: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
