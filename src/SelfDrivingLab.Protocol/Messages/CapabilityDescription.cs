namespace SelfDrivingLab.Protocol.Messages;

/// <summary>One action an instrument offers.</summary>
/// <param name="Name">The action name used in commands (e.g. <c>anneal</c>).</param>
/// <param name="Idempotent">Whether repeating the action is harmless (reads, measurements of a stable sample); only such actions are ever retried.</param>
/// <param name="Parameters">Parameter limits; a command outside them is refused.</param>
/// <param name="Outputs">Names of the results a completed event carries.</param>
public sealed record CapabilityDescription(
    string Name,
    bool Idempotent,
    IReadOnlyList<ParameterLimit> Parameters,
    IReadOnlyList<string> Outputs);
