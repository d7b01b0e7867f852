namespace SelfDrivingLab.Workflow.Control;

/// <summary>The answer to an operator's request. Immutable.</summary>
/// <param name="Succeeded">True when the request was carried out.</param>
/// <param name="Message">What happened, or what was wrong with the request (names the unknown id).</param>
public sealed record OperatorResult(bool Succeeded, string Message)
{
    /// <summary>A carried-out request.</summary>
    public static OperatorResult Done(string message) => new(true, message);

    /// <summary>A refused request.</summary>
    public static OperatorResult Refused(string message) => new(false, message);
}
