using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Hosting.Orchestration;

/// <summary>
/// The orchestrator's broker connection: starts the instrument directory and the command client on
/// it, and reconciles commands in flight whenever the orchestrator reconnects, an instrument comes
/// back online (a crashed broker can lose messages it had already acknowledged) or the bridge to another site comes back
/// (its events may have been held, or lost, while the link was down).
/// </summary>
internal sealed class OrchestratorConnection(
    IMessageBusFactory factory,
    InstrumentDirectory directory,
    InstrumentCommandClient client,
    OrchestratorIdentity identity) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private IMessageBusConnection? _connection;
    private int _disposed;

    /// <summary>True while the orchestrator's connection to the broker is up.</summary>
    public bool IsConnected => Volatile.Read(ref _connection)?.IsConnected ?? false;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        directory.CameOnline += Reconcile;
        directory.LinkCameUp += ReconcileAcross;
        _connection = await factory.ConnectAsync(
            new MessageBusConnectionOptions(identity.ClientId, OnConnected: (_, ct) => new ValueTask(client.ResendPendingAsync(null, ct))),
            cancellationToken).ConfigureAwait(false);
        await directory.StartAsync(_connection, cancellationToken).ConfigureAwait(false);
        await client.StartAsync(_connection, cancellationToken).ConfigureAwait(false);
    }

    // Hosted services stop in reverse start order, so this runs before the embedded broker stops:
    // disconnect cleanly here rather than let the connection see the broker vanish.
    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        directory.CameOnline -= Reconcile;
        directory.LinkCameUp -= ReconcileAcross;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await client.DisposeAsync().ConfigureAwait(false);
        await directory.DisposeAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    // Runs on the directory's handler: hand the (publishing) work off rather than block it.
    private void Reconcile(InstrumentTopics instrument)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _ = ResendAsync(instrument);
        }
    }

    private void ReconcileAcross(SiteLinkTopics link)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _ = ResendAsync(null, [link.From, link.To]);
        }
    }

    private async Task ResendAsync(InstrumentTopics? instrument, IReadOnlyCollection<SiteId>? sites = null)
    {
        try
        {
            await (sites is null
                ? client.ResendPendingAsync(instrument, _stopping.Token)
                : client.ResendPendingAtSitesAsync(sites, _stopping.Token)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Shutting down.
        }
    }
}
