using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A simulated characterization instrument: its one action requires the ground truth's inputs as
/// parameters (and optionally <c>sample_id</c>), takes a sampled duration on the injected clock
/// (progress at 50 %), fails with the definition's failure rate (<c>measurement_failed</c>) and
/// otherwise returns one noisy measurement named after the ground truth's output.
/// Thread-safe; deterministic for a given <see cref="Random"/> seed and call order.
/// </summary>
public sealed class CharacterizationSimulator : IInstrumentDriver
{
    /// <summary>The definition type this simulator implements.</summary>
    public const string TypeName = "characterization";

    /// <summary>The UV-vis type: the same instrument measuring a band gap (output <see cref="BandGapOutput"/> by convention).</summary>
    public const string UvVisTypeName = "uv-vis";

    /// <summary>The conventional result of a UV-vis measurement, eV.</summary>
    public const string BandGapOutput = "band_gap_ev";

    private readonly string _model;

    private readonly SimulatedInstrumentDefinition _definition;
    private readonly SimulatorDraws _draws;
    private readonly IReadOnlyList<ParameterLimit> _limits;

    /// <summary>Creates the simulator measuring <paramref name="groundTruth"/>; <paramref name="limits"/> tighten its parameters.</summary>
    public CharacterizationSimulator(
        SimulatedInstrumentDefinition definition,
        IGroundTruth groundTruth,
        TimeProvider timeProvider,
        Random random,
        IReadOnlyList<ParameterLimit>? limits = null)
        : this(definition, groundTruth, timeProvider, random, limits, TypeName)
    {
    }

    /// <summary>Creates a simulator of <paramref name="typeName"/> (<see cref="TypeName"/> or <see cref="UvVisTypeName"/>).</summary>
    internal CharacterizationSimulator(
        SimulatedInstrumentDefinition definition,
        IGroundTruth groundTruth,
        TimeProvider timeProvider,
        Random random,
        IReadOnlyList<ParameterLimit>? limits,
        string typeName)
    {
        SimulatorLimits.Validate(definition, typeName);
        _model = "simulator/" + typeName;
        _definition = definition;
        GroundTruth = groundTruth ?? throw new ArgumentNullException(nameof(groundTruth));
        _draws = new SimulatorDraws(definition, timeProvider, random);
        _limits = SimulatorLimits.Build(groundTruth.Inputs, [.. definition.Parameters, SynthesisSimulator.SampleIdOutput], limits);
    }

    /// <summary>What the instrument measures.</summary>
    public IGroundTruth GroundTruth { get; }

    /// <inheritdoc />
    public InstrumentCapabilities Describe(InstrumentId id) =>
        new(id, _model, [new CapabilityDescription(_definition.Capability, Idempotent: _definition.Idempotent, _limits, [GroundTruth.Output])]);

    /// <inheritdoc />
    public async ValueTask<ParameterSet> ExecuteAsync(InstrumentActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Every draw happens up front, in a fixed order, so results do not depend on timing.
        var (duration, fails, value) = _draws.Draw(random =>
        {
            try
            {
                return GroundTruth.Measure(context.Parameters, random);
            }
            catch (ArgumentException ex)
            {
                throw new InstrumentActionException("invalid_input", ex.Message, ex);
            }
        });

        await _draws.WaitAsync(duration, context, cancellationToken).ConfigureAwait(false);
        if (fails)
        {
            throw new InstrumentActionException("measurement_failed", $"simulated measurement failure on {_definition.Id} (failure rate {_definition.FailureRate.ToString(CultureInfo.InvariantCulture)})");
        }

        return new ParameterSet([new(GroundTruth.Output, value)]);
    }
}
