using System.Net;
using System.Net.Sockets;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>Ports on 127.0.0.1 for brokers started by tests.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port nothing listened on a moment ago (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
