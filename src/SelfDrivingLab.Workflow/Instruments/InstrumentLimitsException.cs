namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>
/// Every online instrument offering a step's capability announces limits its parameters break, so the command is
/// not sent; <see cref="Exception.Message"/> names each instrument and the limit. The experiment fails with that reason.
/// </summary>
public sealed class InstrumentLimitsException : Exception
{
    /// <summary>The protocol's error code for a command outside an instrument's limits.</summary>
    public const string ErrorCode = "limit_violation";

    /// <summary>Creates the exception.</summary>
    public InstrumentLimitsException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InstrumentLimitsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InstrumentLimitsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
