using MQTTnet.Server;
using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// Keeps a virtual clock still while the embedded broker holds a QoS 1 message for a connected
/// client: a unit of work opens when the message is queued for the client and closes when the
/// client acknowledges it. The client's own subscription opens its unit before it acknowledges, so
/// a message is accounted for all the way from publisher to handler; without this the clock could
/// jump (e.g. to a step's deadline) while a result was between sockets. Messages queued for a
/// disconnected client are not counted (its reconnect may itself wait for the clock), and a
/// disconnect closes every unit the client still had. Thread-safe.
/// </summary>
internal sealed class DeliveryWorkTracker
{
    private readonly IWorkTracker _work;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _connected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _unacknowledged = new(StringComparer.Ordinal);

    public DeliveryWorkTracker(IWorkTracker work) => _work = work;

    public void Attach(MqttServer server)
    {
        server.ClientConnectedAsync += e => Run(() => Connected(e.ClientId));
        server.ClientDisconnectedAsync += e => Run(() => Disconnected(e.ClientId));
        server.InterceptingClientEnqueueAsync += e => Run(() => Enqueued(e.ReceiverClientId, e.ApplicationMessage.QualityOfServiceLevel, e.AcceptEnqueue));
        server.ClientAcknowledgedPublishPacketAsync += e => Run(() => Acknowledged(e.ClientId));

        // A full client queue drops its oldest message, which will never be acknowledged.
        server.QueuedApplicationMessageOverwrittenAsync += e => Run(() => Acknowledged(e.ReceiverClientId));
    }

    /// <summary>Closes every unit (the broker stopped).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            foreach (var client in _unacknowledged.Keys.ToList())
            {
                Close(client, _unacknowledged[client]);
            }

            _connected.Clear();
        }
    }

    private static Task Run(Action action)
    {
        action();
        return Task.CompletedTask;
    }

    private void Connected(string client)
    {
        lock (_gate)
        {
            _connected.Add(client);
        }
    }

    private void Disconnected(string client)
    {
        lock (_gate)
        {
            _connected.Remove(client);
            Close(client, _unacknowledged.GetValueOrDefault(client));
        }
    }

    private void Enqueued(string client, MQTTnet.Protocol.MqttQualityOfServiceLevel qos, bool accepted)
    {
        if (!accepted || qos == MQTTnet.Protocol.MqttQualityOfServiceLevel.AtMostOnce)
        {
            return;
        }

        lock (_gate)
        {
            if (_connected.Contains(client))
            {
                _work.Begin();
                _unacknowledged[client] = _unacknowledged.GetValueOrDefault(client) + 1;
            }
        }
    }

    private void Acknowledged(string client)
    {
        lock (_gate)
        {
            // An acknowledgement of a message queued while the client was away has no unit: never go below zero.
            Close(client, Math.Min(1, _unacknowledged.GetValueOrDefault(client)));
        }
    }

    // Under _gate.
    private void Close(string client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            _work.End();
        }

        var left = _unacknowledged.GetValueOrDefault(client) - count;
        if (left > 0)
        {
            _unacknowledged[client] = left;
        }
        else
        {
            _unacknowledged.Remove(client);
        }
    }
}
