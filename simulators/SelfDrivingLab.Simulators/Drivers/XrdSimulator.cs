using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A simulated X-ray diffractometer: its action requires the inputs of both ground truths as parameters
/// (and optionally <c>sample_id</c>), takes a duration drawn from the definition on the injected clock,
/// fails with the definition's failure rate (<c>measurement_failed</c>) and otherwise returns the phase
/// label (text) from <see cref="Phase"/> and the crystallinity from <see cref="Crystallinity"/>, clamped
/// to [0, 1]. Thread-safe; deterministic for a given <see cref="Random"/> seed and call order.
/// </summary>
public sealed class XrdSimulator : IInstrumentDriver
{
    /// <summary>The definition type this simulator implements.</summary>
    public const string TypeName = "xrd";

    private readonly SimulatedInstrumentDefinition _definition;
    private readonly SimulatorDraws _draws;
    private readonly IReadOnlyList<ParameterLimit> _limits;

    /// <summary>Creates the simulator; <paramref name="limits"/> tighten its parameters.</summary>
    public XrdSimulator(
        SimulatedInstrumentDefinition definition,
        ILabelGroundTruth phase,
        IGroundTruth crystallinity,
        TimeProvider timeProvider,
        Random random,
        IReadOnlyList<ParameterLimit>? limits = null)
    {
        SimulatorLimits.Validate(definition, TypeName);
        _definition = definition;
        Phase = phase ?? throw new ArgumentNullException(nameof(phase));
        Crystallinity = crystallinity ?? throw new ArgumentNullException(nameof(crystallinity));
        _draws = new SimulatorDraws(definition, timeProvider, random);
        _limits = SimulatorLimits.Build([.. phase.Inputs, .. crystallinity.Inputs], [.. definition.Parameters, SynthesisSimulator.SampleIdOutput], limits);
    }

    /// <summary>Where the phase label comes from.</summary>
    public ILabelGroundTruth Phase { get; }

    /// <summary>Where the crystallinity comes from.</summary>
    public IGroundTruth Crystallinity { get; }

    /// <inheritdoc />
    public InstrumentCapabilities Describe(InstrumentId id) =>
        new(id, "simulator/xrd", [new CapabilityDescription(_definition.Capability, Idempotent: _definition.Idempotent, _limits, [Phase.Output, Crystallinity.Output])]);

    /// <inheritdoc />
    public async ValueTask<ParameterSet> ExecuteAsync(InstrumentActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (duration, fails, (label, crystallinity)) = _draws.Draw(random =>
        {
            try
            {
                return (Phase.Classify(context.Parameters, random), Math.Clamp(Crystallinity.Measure(context.Parameters, random), 0, 1));
            }
            catch (ArgumentException ex)
            {
                throw new InstrumentActionException("invalid_input", ex.Message, ex);
            }
        });

        await _draws.WaitAsync(duration, context, cancellationToken).ConfigureAwait(false);
        if (fails)
        {
            throw new InstrumentActionException("measurement_failed", $"simulated XRD failure on {_definition.Id} (failure rate {_definition.FailureRate.ToString(CultureInfo.InvariantCulture)})");
        }

        return new ParameterSet([new(Phase.Output, label), new(Crystallinity.Output, crystallinity)]);
    }
}
