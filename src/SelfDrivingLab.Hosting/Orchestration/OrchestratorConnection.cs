using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Directory;

namespace SelfDrivingLab.Hosting.Orchestration;

/// <summary>The orchestrator's broker connection: starts the instrument directory and the command client on it.</summary>
internal sealed class OrchestratorConnection(
    IMessageBusFactory factory,
    InstrumentDirectory directory,
    InstrumentCommandClient client,
    OrchestratorIdentity identity) : IHostedService, IAsyncDisposable
{
    private IMessageBusConnection? _connection;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await factory.ConnectAsync(new MessageBusConnectionOptions(identity.ClientId), cancellationToken).ConfigureAwait(false);
        await directory.StartAsync(_connection, cancellationToken).ConfigureAwait(false);
        await client.StartAsync(_connection, cancellationToken).ConfigureAwait(false);
    }

    // Hosted services stop in reverse start order, so this runs before the embedded broker stops:
    // disconnect cleanly here rather than let the connection see the broker vanish.
    public Task StopAsync(CancellationToken cancellationToken) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await client.DisposeAsync().ConfigureAwait(false);
        await directory.DisposeAsync().ConfigureAwait(false);
        if (Interlocked.Exchange(ref _connection, null) is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
