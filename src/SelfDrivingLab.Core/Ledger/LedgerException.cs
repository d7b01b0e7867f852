namespace SelfDrivingLab.Core.Ledger;

/// <summary>A ledger operation was refused (unknown id, duplicate id, invalid value); nothing was written.</summary>
public sealed class LedgerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerException()
    {
    }

    /// <summary>Creates the exception with a message naming what was wrong.</summary>
    public LedgerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LedgerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
