using System.ComponentModel.DataAnnotations;

namespace SelfDrivingLab.Workflow.Instruments;

/// <summary>When <see cref="PooledInstrumentGateway"/> takes a failing instrument out of service.</summary>
public sealed class InstrumentQuarantineOptions
{
    /// <summary>The default of <see cref="ConsecutiveFailures"/>.</summary>
    public const int DefaultConsecutiveFailures = 3;

    /// <summary>
    /// How many commands in a row must fail or time out before the instrument is quarantined
    /// (default 3, at least 1). A completed command resets the count; rejected and aborted commands
    /// neither count nor reset (the instrument ran nothing, or was told to stop).
    /// </summary>
    [Range(1, 1_000)]
    public int ConsecutiveFailures { get; set; } = DefaultConsecutiveFailures;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (ConsecutiveFailures is < 1 or > 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(ConsecutiveFailures), ConsecutiveFailures, "ConsecutiveFailures must be between 1 and 1000.");
        }
    }
}
