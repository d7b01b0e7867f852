using SelfDrivingLab.Core.Ledger;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// When a stored experiment may take a state transition, for both stores: not once it is finished, and only from the
/// state it is in. The stores read the current status and state (each in its own SQL) and call this before writing.
/// </summary>
internal static class LedgerTransitionRules
{
    /// <summary>Throws <see cref="LedgerException"/> naming why <paramref name="transition"/> is refused.</summary>
    public static void Check(StateTransitionRecord transition, ExperimentStatus currentStatus, string currentState)
    {
        if (currentStatus is ExperimentStatus.Completed or ExperimentStatus.Failed or ExperimentStatus.Aborted)
        {
            throw new LedgerException($"Experiment '{transition.ExperimentId}' is already {currentStatus} (state '{currentState}'); it cannot move to '{transition.To}'.");
        }

        if (!string.Equals(currentState, transition.From, StringComparison.Ordinal))
        {
            throw new LedgerException($"Experiment '{transition.ExperimentId}' is in state '{currentState}', not '{transition.From}'; transition '{transition.Trigger}' to '{transition.To}' refused.");
        }
    }
}
