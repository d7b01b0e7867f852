using SelfDrivingLab.Campaigns;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Time;

namespace SelfDrivingLab.Workflow.Experiments;

/// <summary>
/// Runs a transfer step (<see cref="SampleTransfer"/>): no command, only its duration on the campaign's clock (virtual or
/// real), counted from when the experiment entered the step, which the ledger's timeline holds, so a host restarted
/// mid-shipment waits only for what is left. Stateless and thread-safe.
/// </summary>
internal static class SampleTransferStep
{
    /// <summary>Waits until the sample arrives; returns the timeline's detail for leaving the step.</summary>
    public static async Task<string> RunAsync(
        ILedger ledger, TimeProvider time, ExperimentId experiment, WorkflowStepDefinition step, SampleTransfer transfer, bool resumed, WorkHold hold, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var shipped = now;
        if (resumed)
        {
            var transitions = await ledger.GetTransitionsAsync(experiment, CancellationToken.None).ConfigureAwait(false);
            shipped = transitions.LastOrDefault(t => t.To == step.Name)?.At ?? now;
        }

        var arrival = shipped + transfer.Duration;
        if (arrival > now)
        {
            await hold.WaitAsync(Task.Delay(arrival - now, time, cancellationToken)).ConfigureAwait(false);
        }

        return $"sample arrived at site '{transfer.To}' (shipped {shipped:O}, {DurationParser.Format(transfer.Duration)})";
    }
}
