namespace SelfDrivingLab.Protocol.Messages;

/// <summary>The accepted values of one action parameter, announced by the instrument. Immutable.</summary>
/// <param name="Name">Parameter name.</param>
/// <param name="Min">Inclusive minimum for a number.</param>
/// <param name="Max">Inclusive maximum for a number.</param>
/// <param name="Choices">Accepted values for text.</param>
/// <param name="Unit">Unit, for people (e.g. <c>°C</c>).</param>
/// <param name="Required">Whether a command must give it.</param>
/// <remarks>
/// <see cref="ParameterLimits.FindDeclarationProblem"/> says which combinations are valid; <see cref="ParameterLimits.FindViolation(CapabilityDescription, SelfDrivingLab.Core.Parameters.ParameterSet)"/>
/// checks a command's values against them (the SDK before it runs a command, the orchestrator before it sends one).
/// </remarks>
public sealed record ParameterLimit(
    string Name,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<string>? Choices = null,
    string? Unit = null,
    bool Required = true)
{
    /// <summary>
    /// The kind of value (default null: inferred — a number when <see cref="Min"/>, <see cref="Max"/> or
    /// <see cref="Step"/> is given, text when <see cref="Choices"/> is, otherwise a number or text). <see cref="ParameterKind.Text"/>
    /// without choices declares free text; <see cref="ParameterKind.Integer"/> a whole number.
    /// </summary>
    public ParameterKind? Type { get; init; }

    /// <summary>
    /// For numbers: the accepted values are <c>origin + k·Step</c> for whole k, where the origin is <see cref="Min"/>
    /// (0 without one) — e.g. min 6, step 2 accepts 6, 8, 10 (default null: any value in range). Positive and finite.
    /// </summary>
    public double? Step { get; init; }
}
