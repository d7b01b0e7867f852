using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Instruments.Sdk;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// One simulator's injected clock and seeded randomness. Every draw for one action happens at once,
/// under one lock and in a fixed order (duration, failure roll, then the action's own draws), so
/// results depend on the seed and the order of commands, never on timing. Thread-safe.
/// </summary>
internal sealed class SimulatorDraws
{
    private readonly SimulatedInstrumentDefinition _definition;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public SimulatorDraws(SimulatedInstrumentDefinition definition, TimeProvider timeProvider, Random random)
    {
        _definition = definition;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _random = random ?? throw new ArgumentNullException(nameof(random));
    }

    /// <summary>The action's duration and whether it fails.</summary>
    public (TimeSpan Duration, bool Fails) Draw()
    {
        var (duration, fails, _) = Draw(static _ => 0);
        return (duration, fails);
    }

    /// <summary>The action's duration, whether it fails, and <paramref name="more"/> drawn from the same stream right after.</summary>
    public (TimeSpan Duration, bool Fails, T More) Draw<T>(Func<Random, T> more)
    {
        lock (_gate)
        {
            var duration = _definition.Duration.Sample(_random);
            var fails = _random.NextDouble() < _definition.FailureRate;
            return (duration, fails, more(_random));
        }
    }

    /// <summary>Spends <paramref name="duration"/> on the injected clock, reporting progress half-way.</summary>
    public Task WaitAsync(TimeSpan duration, InstrumentActionContext context, CancellationToken cancellationToken) =>
        SimulatedTiming.RunAsync(duration, _time, context, cancellationToken);
}
