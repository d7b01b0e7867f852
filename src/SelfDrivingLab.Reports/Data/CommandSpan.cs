using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Reports.Data;

/// <summary>One command and when it ended (its final event: completed, failed, rejected or aborted), if it did. Immutable.</summary>
/// <param name="Command">The command as stored.</param>
/// <param name="EndedAt">When its final event arrived; null when it has none.</param>
/// <param name="Outcome">The final event's kind; null when it has none.</param>
public sealed record CommandSpan(CommandRecord Command, DateTimeOffset? EndedAt, string? Outcome);
