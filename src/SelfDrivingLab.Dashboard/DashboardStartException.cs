namespace SelfDrivingLab.Dashboard;

/// <summary>The dashboard could not start: bad options, or its port is taken. The message is one line for the user.</summary>
public sealed class DashboardStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DashboardStartException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public DashboardStartException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and the cause.</summary>
    public DashboardStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
