namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>Thrown by a driver when an action fails; becomes a failed event carrying <see cref="Code"/>.</summary>
public sealed class InstrumentActionException : Exception
{
    /// <summary>Creates the exception with a machine-readable <paramref name="code"/> (e.g. <c>furnace_overheated</c>).</summary>
    public InstrumentActionException(string code, string message)
        : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>Creates the exception with a code and the exception that caused it.</summary>
    public InstrumentActionException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
    }

    /// <summary>Machine-readable error code carried by the failed event.</summary>
    public string Code { get; }
}
