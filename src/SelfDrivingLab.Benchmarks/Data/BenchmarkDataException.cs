namespace SelfDrivingLab.Benchmarks.Data;

/// <summary>A benchmark table that cannot be used: unknown column, non-numeric value, bad formula, empty table.</summary>
public sealed class BenchmarkDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BenchmarkDataException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public BenchmarkDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public BenchmarkDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
