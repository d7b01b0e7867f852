namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// <c>retry: { attempts: N, backoff: 30s }</c>: a step whose command failed or missed its deadline is sent
/// again, under a new command id, up to <paramref name="Attempts"/> more times; the pause before the
/// first re-send is <paramref name="Backoff"/> and it doubles each time. Immutable.
/// </summary>
/// <param name="Attempts">Re-sends after the first command, 1 to <see cref="MaxAttempts"/>.</param>
/// <param name="Backoff">Pause before the first re-send (default <see cref="DefaultBackoff"/>).</param>
public sealed record StepRetryPolicy(int Attempts, TimeSpan Backoff)
{
    /// <summary>The most re-sends a step may ask for.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Pause before the first re-send when the file gives none.</summary>
    public static readonly TimeSpan DefaultBackoff = TimeSpan.FromSeconds(30);

    /// <summary>The pause before re-send number <paramref name="retry"/> (1-based): <see cref="Backoff"/> × 2^(retry − 1).</summary>
    public TimeSpan PauseBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        return TimeSpan.FromTicks(Backoff.Ticks << (retry - 1));
    }
}
