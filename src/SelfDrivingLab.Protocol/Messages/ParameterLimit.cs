namespace SelfDrivingLab.Protocol.Messages;

/// <summary>The accepted range or choices of one action parameter, announced by the instrument.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Min">Inclusive minimum for a number.</param>
/// <param name="Max">Inclusive maximum for a number.</param>
/// <param name="Choices">Accepted values for text.</param>
/// <param name="Unit">Unit, for people (e.g. <c>°C</c>).</param>
/// <param name="Required">Whether a command must give it.</param>
public sealed record ParameterLimit(
    string Name,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Choices = null,
    string? Unit = null,
    bool Required = true);
