using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A simulated liquid handler: its action dispenses the volume of each stock solution given as
/// <c>{stock}_ul</c> (µL, 0 to the settings' maximum; a missing stock is 0) into a new vial. A total
/// above the vial's capacity fails with <c>over_capacity</c> and an empty vial with
/// <c>nothing_dispensed</c>, both before any time passes; otherwise, after a duration drawn from the
/// definition on the injected clock (and the definition's failure rate, <c>dispense_failed</c>), it
/// returns <c>sample_id</c> (<c>{instrument}-0001</c>, …), <c>total_ul</c> and each
/// <c>{stock}_fraction</c> of the total. Thread-safe; deterministic for a given <see cref="Random"/> seed and call order.
/// </summary>
public sealed class LiquidHandlerSimulator : IInstrumentDriver
{
    /// <summary>The definition type this simulator implements.</summary>
    public const string TypeName = "liquid-handler";

    /// <summary>Name of the result with the dispensed total, µL.</summary>
    public const string TotalOutput = "total_ul";

    private readonly SimulatedInstrumentDefinition _definition;
    private readonly LiquidHandlerSettings _settings;
    private readonly SimulatorDraws _draws;
    private readonly IReadOnlyList<ParameterLimit> _limits;
    private int _samples;

    /// <summary>Creates the simulator; <paramref name="limits"/> (e.g. from the search space) can only tighten its own.</summary>
    public LiquidHandlerSimulator(SimulatedInstrumentDefinition definition, TimeProvider timeProvider, Random random, IReadOnlyList<ParameterLimit>? limits = null)
    {
        SimulatorLimits.Validate(definition, TypeName);
        _settings = definition.Settings as LiquidHandlerSettings
            ?? throw new ArgumentException($"Liquid handler '{definition.Id}' needs {nameof(LiquidHandlerSettings)} (its stocks and capacity).", nameof(definition));
        if (_settings.Stocks.Count == 0 || !(_settings.CapacityMicroliters > 0) || !(_settings.MaxVolumeMicroliters > 0))
        {
            throw new ArgumentException($"Liquid handler '{definition.Id}' needs at least one stock and a positive capacity and maximum volume.", nameof(definition));
        }

        _definition = definition;
        _draws = new SimulatorDraws(definition, timeProvider, random);
        var own = _settings.Stocks.Select(s => new ParameterLimit(VolumeParameter(s), 0, _settings.MaxVolumeMicroliters, Unit: "uL", Required: false)).ToList();
        _limits = SimulatorLimits.Tighten(definition.Id.Value, own, limits);
    }

    /// <summary>The parameter carrying <paramref name="stock"/>'s volume.</summary>
    public static string VolumeParameter(string stock) => stock + "_ul";

    /// <summary>The result carrying <paramref name="stock"/>'s volume fraction.</summary>
    public static string FractionOutput(string stock) => stock + "_fraction";

    /// <inheritdoc />
    public InstrumentCapabilities Describe(InstrumentId id) =>
        new(id, "simulator/liquid-handler", [new CapabilityDescription(
            _definition.Capability,
            Idempotent: _definition.Idempotent,
            _limits,
            [SynthesisSimulator.SampleIdOutput, TotalOutput, .. _settings.Stocks.Select(FractionOutput)])]);

    /// <inheritdoc />
    public async ValueTask<ParameterSet> ExecuteAsync(InstrumentActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var volumes = _settings.Stocks.Select(s => context.Parameters.TryGetValue(VolumeParameter(s), out var v) ? v.AsNumber(VolumeParameter(s)) : 0).ToArray();
        var total = volumes.Sum();
        // Drawn even for a command that fails the volume check, so one bad command does not shift later ones.
        var (duration, fails) = _draws.Draw();

        if (total > _settings.CapacityMicroliters)
        {
            throw new InstrumentActionException("over_capacity", $"{Format(total)} uL in total exceeds the vial capacity of {Format(_settings.CapacityMicroliters)} uL");
        }

        if (total <= 0)
        {
            throw new InstrumentActionException("nothing_dispensed", "every stock volume is 0 uL, so there is no sample");
        }

        var sample = Interlocked.Increment(ref _samples);
        await _draws.WaitAsync(duration, context, cancellationToken).ConfigureAwait(false);
        if (fails)
        {
            throw new InstrumentActionException("dispense_failed", $"simulated dispensing failure on {_definition.Id} (failure rate {Format(_definition.FailureRate)})");
        }

        var results = new List<KeyValuePair<string, ParameterValue>>
        {
            new(SynthesisSimulator.SampleIdOutput, $"{_definition.Id}-{sample.ToString("0000", CultureInfo.InvariantCulture)}"),
            new(TotalOutput, total),
        };
        results.AddRange(_settings.Stocks.Select((s, i) => new KeyValuePair<string, ParameterValue>(FractionOutput(s), volumes[i] / total)));
        return new ParameterSet(results);
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
