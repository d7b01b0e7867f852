using System.Text.Json;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Hosting.Control;

/// <summary>
/// Where a running host listens for operators: its broker and site. The host writes it next to the
/// ledger (<c>&lt;ledger&gt;.control.json</c>) while it runs, so <c>sdl control --ledger</c> finds an
/// embedded broker's ephemeral port. Immutable.
/// </summary>
/// <param name="Host">Broker host.</param>
/// <param name="Port">Broker port.</param>
/// <param name="Site">Site whose orchestrator answers.</param>
/// <param name="ProcessId">The host process.</param>
/// <param name="Tls">The broker serves TLS.</param>
/// <param name="CaFile">PEM certificate that signs (for the embedded broker: is) the broker's certificate; null for the system trust store.</param>
/// <param name="CredentialsFile">The operator credentials of an embedded broker (owner-only file); null to use the <c>Mqtt</c> configuration.</param>
public sealed record ControlEndpoint(string Host, int Port, string Site, int ProcessId, bool Tls = false, string? CaFile = null, string? CredentialsFile = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The endpoint file of the ledger at <paramref name="ledgerPath"/>.</summary>
    public static string FileFor(string ledgerPath) => Path.GetFullPath(ledgerPath) + ".control.json";

    /// <summary>The site as an id.</summary>
    public SiteId SiteId => new(Site);

    /// <summary>Writes the file atomically (temporary file, then rename).</summary>
    public void Write(string ledgerPath)
    {
        var path = FileFor(ledgerPath);
        var temporary = path + ".tmp";
        // A PostgreSQL ledger makes no directory of its own here (the default .sdl may not exist yet).
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Reads the endpoint of the host running on <paramref name="ledgerPath"/>; throws <see cref="CampaignHostException"/> naming the problem.</summary>
    public static ControlEndpoint Read(string ledgerPath)
    {
        var path = FileFor(ledgerPath);
        if (!File.Exists(path))
        {
            throw new CampaignHostException($"no host is running on ledger {Path.GetFullPath(ledgerPath)} ({path} does not exist); give --broker and --site to reach a host elsewhere");
        }

        try
        {
            var endpoint = JsonSerializer.Deserialize<ControlEndpoint>(File.ReadAllText(path), Json);
            if (endpoint is not { Host.Length: > 0, Port: > 0 and <= 65535 } || !IdRules.IsValid(endpoint.Site))
            {
                throw new CampaignHostException($"{path} does not hold a valid host, port and site");
            }

            // A host killed with SIGKILL leaves its file behind: say so instead of timing out on a dead broker.
            return endpoint.ProcessId <= 0 || IsRunning(endpoint.ProcessId)
                ? endpoint
                : throw new CampaignHostException($"the host that ran on ledger {Path.GetFullPath(ledgerPath)} (process {endpoint.ProcessId}) is no longer running; {path} is left over from it");
        }
        catch (JsonException ex)
        {
            throw new CampaignHostException($"{path} is not a valid control endpoint file: {ex.Message}", ex);
        }
    }
}
