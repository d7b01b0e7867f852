namespace SelfDrivingLab.Protocol.Bus;

/// <summary>A bus connection owned by one component (orchestrator or instrument); disposing it disconnects cleanly (no last will).</summary>
public interface IMessageBusConnection : IMessageBus, IAsyncDisposable
{
    /// <summary>The MQTT client id.</summary>
    string ClientId { get; }

    /// <summary>True while connected to the broker.</summary>
    bool IsConnected { get; }
}
