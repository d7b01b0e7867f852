namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>One problem <see cref="CampaignValidator"/> found in a definition. Immutable.</summary>
/// <param name="Path">
/// Where, in the campaign file's keys and list indexes, e.g. <c>workflow[1].deadline</c>, or
/// <c>workflow[1] (characterize).retry.attempts</c> for a step's policies; empty for the whole definition.
/// </param>
/// <param name="Message">What is wrong and, where possible, how to fix it.</param>
public sealed record ValidationProblem(string Path, string Message)
{
    /// <summary>E.g. <c>workflow[1].deadline: must be positive (got 00:00:00)</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
