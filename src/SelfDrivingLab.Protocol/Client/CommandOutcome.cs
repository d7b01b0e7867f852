using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Client;

/// <summary>The end of one command. Immutable.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="Results">Measured outputs (completed only).</param>
/// <param name="Error">Machine-readable error code: the instrument's (failed, rejected) or <see cref="TimeoutError"/>.</param>
/// <param name="Message">Human-readable detail.</param>
/// <param name="FinalEvent">The final event, unless the command timed out.</param>
public sealed record CommandOutcome(
    CommandOutcomeKind Kind,
    ParameterSet? Results,
    string? Error,
    string? Message,
    InstrumentEvent? FinalEvent)
{
    /// <summary>The <see cref="Error"/> of a <see cref="CommandOutcomeKind.TimedOut"/> outcome.</summary>
    public const string TimeoutError = "timeout";

    /// <summary>
    /// The <see cref="Error"/> of a <see cref="CommandOutcomeKind.Failed"/> outcome the orchestrator gives a command the
    /// instrument answered <c>unknown</c> when asked its status: it never received it or forgot it in a restart, and
    /// running it again might repeat a physical action.
    /// </summary>
    public const string LostError = "lost";

    /// <summary>True when the action completed.</summary>
    public bool IsCompleted => Kind == CommandOutcomeKind.Completed;

    /// <summary>The outcome a final event reports.</summary>
    /// <exception cref="ArgumentException">The event is not final.</exception>
    public static CommandOutcome FromFinalEvent(InstrumentEvent finalEvent)
    {
        var kind = finalEvent.Kind switch
        {
            InstrumentEventKind.Completed => CommandOutcomeKind.Completed,
            InstrumentEventKind.Failed => CommandOutcomeKind.Failed,
            InstrumentEventKind.Rejected => CommandOutcomeKind.Rejected,
            InstrumentEventKind.Aborted => CommandOutcomeKind.Aborted,
            _ => throw new ArgumentException($"An event of kind {finalEvent.Kind} does not end a command.", nameof(finalEvent)),
        };
        return new CommandOutcome(kind, finalEvent.Results, finalEvent.Error, finalEvent.Message, finalEvent);
    }

    /// <summary>The outcome of a command whose deadline passed without a final event.</summary>
    public static CommandOutcome TimedOut(string message) => new(CommandOutcomeKind.TimedOut, null, TimeoutError, message, null);

    /// <summary>The outcome of a command the instrument does not know (see <see cref="LostError"/>).</summary>
    public static CommandOutcome Lost(string message) => new(CommandOutcomeKind.Failed, null, LostError, message, null);
}
