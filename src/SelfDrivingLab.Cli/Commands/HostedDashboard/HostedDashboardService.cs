using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Dashboard;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Cli.Commands.HostedDashboard;

/// <summary>
/// Serves the running host's dashboard while the host runs: started after the campaign's services (the ledger is open),
/// stopped before them. With the embedded broker, the per-run passwords of the facility's operators and observers are
/// written to <c>&lt;ledger&gt;.dashboard.json</c> (owner-only) for signing in, and removed at stop.
/// </summary>
internal sealed class HostedDashboardService(
    IServiceProvider services,
    CampaignHostSettings settings,
    int port,
    Action<Uri, string?> started) : IHostedService
{
    private DashboardServer? _server;
    private string? _passwordFile;

    /// <summary>The file of the identities' per-run passwords next to <paramref name="ledgerPath"/>.</summary>
    public static string PasswordFileFor(string ledgerPath) => Path.GetFullPath(ledgerPath) + ".dashboard.json";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            // Started after the campaign loops, which may already have finished (a resumed campaign with nothing left to do).
            return;
        }

        var identities = FacilityAccess.Of(settings.Facility);
        var credentials = Credentials(identities);
        var host = new CampaignHostDashboard(services.GetRequiredService<InProcessControl>(), services.GetRequiredService<HostHealth>(), identities, credentials);
        try
        {
            _server = await DashboardServer.StartHostedAsync(Options(), host, TimeProvider.System, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The campaigns ended (or the host was stopped) before the dashboard was up: there is nothing left to show.
            DeletePasswordFile();
            return;
        }
        catch (DashboardStartException ex)
        {
            DeletePasswordFile();
            // The server names its own command's option (--port); here the port is --dashboard-port.
            throw new CampaignHostException($"the dashboard: {ex.Message.Replace("--port", "--dashboard-port", StringComparison.Ordinal)}; --no-dashboard turns it off", ex);
        }

        started(_server.Address, _passwordFile ?? settings.BrokerCredentialsFile);
    }

    /// <summary>The campaign's ledger, read-only beside the host's writer: its SQLite file, or its PostgreSQL location.</summary>
    private DashboardOptions Options()
    {
        if (!PostgresLedgerLocation.IsPostgresUri(services.GetRequiredService<SelfDrivingLab.Core.Ledger.ILedger>().Location))
        {
            return new DashboardOptions { LedgerPath = settings.LedgerPath, Port = port };
        }

        // The host's own options (connection string and Ledger:Password), so the dashboard signs in as the host does.
        var location = services.GetRequiredService<IOptions<PostgresLedgerOptions>>().Value.Location();
        return new DashboardOptions
        {
            LedgerPath = location.ToString(),
            OpenLedger = async ct => await PostgresLedger.OpenReadOnlyAsync(location, ct).ConfigureAwait(false),
            Port = port,
        };
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _server, null) is { } server)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        DeletePasswordFile();
    }

    private void DeletePasswordFile()
    {
        if (Interlocked.Exchange(ref _passwordFile, null) is { } file)
        {
            File.Delete(file);
        }
    }

    private BrokerCredentials? Credentials(IReadOnlyList<BrokerIdentity> identities)
    {
        if (settings.BrokerCredentialsFile is { } file)
        {
            return BrokerCredentials.Read(file);
        }

        if (services.GetService<EmbeddedBrokerAccess>() is not { } embedded)
        {
            return null;
        }

        var people = identities
            .Where(i => i.Role is BrokerRole.Operator or BrokerRole.Observer)
            .Select(i => (i.Name, Password: embedded.Credentials.PasswordOf(i.Name)))
            .Where(p => p.Password is not null)
            .ToDictionary(p => p.Name, p => p.Password!, StringComparer.Ordinal);
        if (people.Count > 0)
        {
            _passwordFile = PasswordFileFor(settings.LedgerPath);
            new BrokerCredentials(people).Write(_passwordFile);
        }

        return embedded.Credentials;
    }
}
