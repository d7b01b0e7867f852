using SelfDrivingLab.Instruments.Sdk;

namespace SelfDrivingLab.Simulators;

/// <summary>How a simulated action spends its time on the injected clock.</summary>
internal static class SimulatedTiming
{
    /// <summary>Waits <paramref name="duration"/>, reporting 50 % progress half-way.</summary>
    public static async Task RunAsync(TimeSpan duration, TimeProvider time, InstrumentActionContext context, CancellationToken cancellationToken)
    {
        // Both timers start now, before the first await, so the action ends exactly `duration` after it
        // started whatever progress reporting costs, and a test's clock advance cannot miss a timer.
        var whole = Task.Delay(duration, time, cancellationToken);
        var half = Task.Delay(duration / 2, time, cancellationToken);
        await half.ConfigureAwait(false);
        await context.ReportProgressAsync(0.5, cancellationToken).ConfigureAwait(false);
        await whole.ConfigureAwait(false);
    }
}
