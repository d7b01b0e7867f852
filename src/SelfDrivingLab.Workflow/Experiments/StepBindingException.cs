namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>A step's command parameter could not be filled (e.g. an earlier step did not report an output).</summary>
public sealed class StepBindingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StepBindingException()
    {
    }

    /// <summary>Creates the exception with a message naming the step and parameter.</summary>
    public StepBindingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StepBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
