namespace SelfDrivingLab.Protocol.Messages;

/// <summary>Whether an instrument can take commands.</summary>
public enum AvailabilityState
{
    /// <summary>Connected and taking commands.</summary>
    Online,

    /// <summary>Disconnected (also the last-will payload).</summary>
    Offline,
}
