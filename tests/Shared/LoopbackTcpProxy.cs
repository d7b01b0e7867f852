using System.Net;
using System.Net.Sockets;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>
/// A TCP forwarder on 127.0.0.1 standing in for a network link: every connection to <see cref="Port"/> is piped to the
/// target port. The link breaks in one of two ways: <see cref="Cut"/> drops every connection and refuses new ones (as a
/// link whose ends notice at once), <see cref="BlackHole"/> keeps connections open but lets nothing through and closes new
/// ones (a partition: each side learns only from its own timeouts). <see cref="Restore"/> closes what was black-holed and
/// forwards again on the same port. Thread-safe.
/// </summary>
internal sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _epoch = new();
    private Task _accepting = Task.CompletedTask;
    private volatile bool _blackHole;

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
            CloseOpen();
        }
    }

    /// <summary>Lets nothing through any more: open connections stay open, bytes sent on them are discarded, new ones are closed at once.</summary>
    public void BlackHole() => _blackHole = true;

    /// <summary>Forwards again on <see cref="Port"/> (after <see cref="Cut"/>), or closes the black-holed connections (after <see cref="BlackHole"/>).</summary>
    public void Restore()
    {
        lock (_gate)
        {
            if (_blackHole)
            {
                CloseOpen();
                _blackHole = false;
            }

            if (_listener is not null)
            {
                return;
            }

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
        _blackHole = false;
        Cut();
        await _accepting.ConfigureAwait(false);
        _epoch.Dispose();
    }

    private void CloseOpen()
    {
        foreach (var client in _open)
        {
            client.Dispose();
        }

        _open.Clear();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
                if (_blackHole)
                {
                    client.Dispose();
                    continue;
                }

                var target = new TcpClient();
                try
                {
                    await target.ConnectAsync(IPAddress.Loopback, _targetPort, stop).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // The target is down (e.g. a broker being restarted): this client is refused, the next may get through.
                    client.Dispose();
                    target.Dispose();
                    continue;
                }

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

    private async Task PipeAsync(TcpClient from, TcpClient to, CancellationToken stop)
    {
        var buffer = new byte[16384];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer, stop).ConfigureAwait(false)) > 0)
            {
                if (!_blackHole)
                {
                    await target.WriteAsync(buffer.AsMemory(0, read), stop).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException or SocketException or InvalidOperationException)
        {
            // Cut, restored after a black hole, or one side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
