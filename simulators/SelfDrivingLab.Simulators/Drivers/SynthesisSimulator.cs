using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A simulated synthesis instrument: its one action takes a sampled duration on the injected clock
/// (progress at 50 %), fails with the definition's failure rate (<c>synthesis_failed</c>) and
/// otherwise returns a new <c>sample_id</c> (<c>{instrument}-0001</c>, …) with the parameters echoed.
/// Thread-safe; deterministic for a given <see cref="Random"/> seed and call order.
/// </summary>
public sealed class SynthesisSimulator : IInstrumentDriver
{
    /// <summary>The definition type this simulator implements.</summary>
    public const string TypeName = "synthesis";

    /// <summary>Name of the result carrying the new sample's id.</summary>
    public const string SampleIdOutput = "sample_id";

    private readonly SimulatedInstrumentDefinition _definition;
    private readonly SimulatorDraws _draws;
    private readonly IReadOnlyList<ParameterLimit> _limits;
    private int _samples;

    /// <summary>Creates the simulator; <paramref name="limits"/> tighten the definition's parameters (default: any finite number or text).</summary>
    public SynthesisSimulator(SimulatedInstrumentDefinition definition, TimeProvider timeProvider, Random random, IReadOnlyList<ParameterLimit>? limits = null)
    {
        SimulatorLimits.Validate(definition, TypeName);
        _definition = definition;
        _draws = new SimulatorDraws(definition, timeProvider, random);
        _limits = SimulatorLimits.Build(definition.Parameters, [], limits);
    }

    /// <inheritdoc />
    public InstrumentCapabilities Describe(InstrumentId id) =>
        new(id, "simulator/synthesis", [new CapabilityDescription(_definition.Capability, Idempotent: _definition.Idempotent, _limits, [SampleIdOutput, .. _limits.Select(l => l.Name)])]);

    /// <inheritdoc />
    public async ValueTask<ParameterSet> ExecuteAsync(InstrumentActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (duration, fails) = _draws.Draw();

        var sample = Interlocked.Increment(ref _samples);
        await _draws.WaitAsync(duration, context, cancellationToken).ConfigureAwait(false);
        if (fails)
        {
            throw new InstrumentActionException("synthesis_failed", $"simulated synthesis failure on {_definition.Id} (failure rate {_definition.FailureRate.ToString(CultureInfo.InvariantCulture)})");
        }

        return context.Parameters.With(SampleIdOutput, $"{_definition.Id}-{sample.ToString("0000", CultureInfo.InvariantCulture)}");
    }
}
