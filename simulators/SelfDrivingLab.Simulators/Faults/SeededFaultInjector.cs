using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// Injects the faults of a <see cref="FaultDefinition"/> at their rates: one uniform draw per command
/// picks at most one fault (reject, fail, hang, disconnect, duplicate, late, in that order of the
/// cumulative rates), and a late fault draws its delay next. Thread-safe; repeats exactly for a seed
/// and command order.
/// </summary>
public sealed class SeededFaultInjector : IFaultInjector
{
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly (InjectedFault Fault, double Rate)[] _rates;

    /// <summary>Creates the injector drawing from <paramref name="random"/> (owned by the injector from now on).</summary>
    public SeededFaultInjector(FaultDefinition faults, Random random)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _rates =
        [
            (InjectedFault.Reject, faults.Reject),
            (InjectedFault.Fail, faults.Fail),
            (InjectedFault.Hang, faults.Hang),
            (InjectedFault.Disconnect, faults.Disconnect),
            (InjectedFault.Duplicate, faults.Duplicate),
            (InjectedFault.Late, faults.Late),
        ];
        if (_rates.Any(r => !(r.Rate >= 0 && r.Rate <= 1)) || faults.Total > 1 + 1e-9)
        {
            throw new ArgumentException($"Fault rates must each be in [0, 1] and add up to at most 1 (got {faults}).", nameof(faults));
        }

        if (faults.Late > 0 && faults.LateDelay is null)
        {
            throw new ArgumentException("A late fault rate needs a late delay distribution.", nameof(faults));
        }

        Faults = faults;
    }

    /// <summary>The rates.</summary>
    public FaultDefinition Faults { get; }

    /// <inheritdoc />
    public FaultDecision Decide(InstrumentCommand command)
    {
        lock (_gate)
        {
            var draw = _random.NextDouble();
            var cumulative = 0.0;
            foreach (var (fault, rate) in _rates)
            {
                cumulative += rate;
                if (draw < cumulative)
                {
                    return fault == InjectedFault.Late
                        ? new FaultDecision(fault, Faults.LateDelay!.Sample(_random))
                        : new FaultDecision(fault);
                }
            }

            return FaultDecision.None;
        }
    }
}
