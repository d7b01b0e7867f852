using Microsoft.Extensions.Hosting;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Runs an <see cref="InstrumentHost"/> for the lifetime of a generic host.</summary>
internal sealed class InstrumentHostedService : IHostedService, IAsyncDisposable
{
    private readonly InstrumentHost _host;

    public InstrumentHostedService(InstrumentHost host) => _host = host;

    public Task StartAsync(CancellationToken cancellationToken) => _host.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _host.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
