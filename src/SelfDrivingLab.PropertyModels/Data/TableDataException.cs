namespace SelfDrivingLab.PropertyModels.Data;

/// <summary>A table, a model file or an option that cannot be used; the message names what is wrong and where.</summary>
public sealed class TableDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TableDataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TableDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TableDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
