namespace SelfDrivingLab.Optimization.Space;

/// <summary>No point satisfying a search space's linear constraints could be drawn: the feasible region is empty or too small for random draws.</summary>
public sealed class InfeasibleSpaceException : InvalidOperationException
{
    /// <summary>Creates the exception with a default message.</summary>
    public InfeasibleSpaceException()
        : this("No point satisfying the search space's constraints was found.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public InfeasibleSpaceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public InfeasibleSpaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
