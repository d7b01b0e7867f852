namespace SelfDrivingLab.Protocol.Messages;

/// <summary>What a command asks of an instrument.</summary>
public enum CommandType
{
    /// <summary>Run an action (a capability) with parameters.</summary>
    Execute,

    /// <summary>Stop the command with this command id, if it is still running.</summary>
    Abort,

    /// <summary>Report the state of the command with this command id (repeat its final event or say it is running).</summary>
    Status,
}
