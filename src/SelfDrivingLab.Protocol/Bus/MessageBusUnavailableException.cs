namespace SelfDrivingLab.Protocol.Bus;

/// <summary>
/// The first connection to the broker could not be made: the broker was unreachable for the whole
/// start-up timeout, or it refused the client for good (not authorized, bad credentials, banned).
/// A connection that was once established never throws it: it reconnects on its own.
/// </summary>
public sealed class MessageBusUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageBusUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message naming the broker and why.</summary>
    public MessageBusUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public MessageBusUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
