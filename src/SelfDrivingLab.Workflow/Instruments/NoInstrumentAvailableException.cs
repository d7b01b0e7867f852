namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>No online instrument offers a capability the workflow needs.</summary>
public sealed class NoInstrumentAvailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NoInstrumentAvailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public NoInstrumentAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public NoInstrumentAvailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
