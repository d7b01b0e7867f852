using System.Net;
using System.Net.Sockets;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// A TCP forwarder on 127.0.0.1 standing in for a network link: every connection to <see cref="Port"/> is piped to the
/// target port until <see cref="Cut"/> drops them all and refuses new ones (as a broken link would), and
/// <see cref="Restore"/> listens again on the same port. Thread-safe.
/// </summary>
internal sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _epoch = new();
    private Task _accepting = Task.CompletedTask;

    private LoopbackTcpProxy(int targetPort, int port)
    {
        _targetPort = targetPort;
        Port = port;
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <summary>Starts forwarding a free loopback port to <paramref name="targetPort"/>.</summary>
    public static LoopbackTcpProxy Start(int targetPort)
    {
        var proxy = new LoopbackTcpProxy(targetPort, LoopbackPorts.Free());
        proxy.Restore();
        return proxy;
    }

    /// <summary>Drops every forwarded connection and stops listening.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _epoch.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    /// <summary>Listens again on <see cref="Port"/> (after <see cref="Cut"/>).</summary>
    public void Restore()
    {
        lock (_gate)
        {
            _epoch.Dispose();
            _epoch = new CancellationTokenSource();
            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _accepting = AcceptAsync(listener, _epoch.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting.ConfigureAwait(false);
        _epoch.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
                var target = new TcpClient();
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, stop).ConfigureAwait(false);
                lock (_gate)
                {
                    _open.Add(client);
                    _open.Add(target);
                }

                _ = PipeAsync(client, target, stop);
                _ = PipeAsync(target, client, stop);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Cut.
        }
    }

    private static async Task PipeAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stop).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or SocketException or InvalidOperationException)
        {
            // Cut, or one side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
