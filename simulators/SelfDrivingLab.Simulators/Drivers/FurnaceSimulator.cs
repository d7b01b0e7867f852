using System.Globalization;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>
/// A simulated furnace: its action anneals at <c>temperature_c</c> for <c>duration_min</c> under an
/// optional <c>atmosphere</c> (default the first offered), within the <see cref="FurnaceSettings"/>
/// limits. One anneal takes the ramp from <see cref="RoomTemperatureC"/> at the settings' rate, plus
/// the dwell, plus an overhead drawn from the definition's duration distribution, on the injected
/// clock. It fails with the definition's failure rate (<c>anneal_failed</c>) and otherwise returns
/// its parameters with <c>sample_id</c> (the one given, or a new <c>{instrument}-0001</c>, …) and
/// <c>final_temperature_c</c>. Thread-safe; deterministic for a given <see cref="Random"/> seed and call order.
/// </summary>
public sealed class FurnaceSimulator : IInstrumentDriver
{
    /// <summary>The definition type this simulator implements.</summary>
    public const string TypeName = "furnace";

    /// <summary>Where every ramp starts, °C.</summary>
    public const double RoomTemperatureC = 25;

    private readonly SimulatedInstrumentDefinition _definition;
    private readonly FurnaceSettings _settings;
    private readonly SimulatorDraws _draws;
    private readonly IReadOnlyList<ParameterLimit> _limits;
    private int _samples;

    /// <summary>Creates the simulator; <paramref name="limits"/> (e.g. from the search space) can only tighten its own.</summary>
    public FurnaceSimulator(SimulatedInstrumentDefinition definition, TimeProvider timeProvider, Random random, IReadOnlyList<ParameterLimit>? limits = null)
    {
        SimulatorLimits.Validate(definition, TypeName);
        _definition = definition;
        _settings = definition.Settings as FurnaceSettings ?? FurnaceSettings.Default;
        _draws = new SimulatorDraws(definition, timeProvider, random);
        _limits = SimulatorLimits.Tighten(definition.Id.Value, OwnLimits(_settings), limits);
    }

    /// <inheritdoc />
    public InstrumentCapabilities Describe(InstrumentId id) =>
        new(id, "simulator/furnace", [new CapabilityDescription(_definition.Capability, Idempotent: _definition.Idempotent, _limits, ["sample_id", "temperature_c", "duration_min", "atmosphere", "final_temperature_c"])]);

    /// <summary>Ramp plus dwell of an anneal at <paramref name="temperatureC"/> for <paramref name="dwellMinutes"/> (overhead excluded).</summary>
    public TimeSpan HeatingTime(double temperatureC, double dwellMinutes) =>
        TimeSpan.FromMinutes((Math.Abs(temperatureC - RoomTemperatureC) / _settings.RampCelsiusPerMinute) + dwellMinutes);

    /// <inheritdoc />
    public async ValueTask<ParameterSet> ExecuteAsync(InstrumentActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var temperature = parameters.GetNumber("temperature_c");
        var dwell = parameters.GetNumber("duration_min");
        var atmosphere = parameters.TryGetValue("atmosphere", out var gas) ? gas.Text! : _settings.Atmospheres[0];
        var (overhead, fails) = _draws.Draw();

        var sampleId = parameters.TryGetValue(SynthesisSimulator.SampleIdOutput, out var given)
            ? given.ToString()
            : $"{_definition.Id}-{Interlocked.Increment(ref _samples).ToString("0000", CultureInfo.InvariantCulture)}";
        await _draws.WaitAsync(HeatingTime(temperature, dwell) + overhead, context, cancellationToken).ConfigureAwait(false);
        if (fails)
        {
            throw new InstrumentActionException("anneal_failed", $"simulated anneal failure on {_definition.Id} (failure rate {_definition.FailureRate.ToString(CultureInfo.InvariantCulture)})");
        }

        return parameters
            .With("atmosphere", atmosphere)
            .With(SynthesisSimulator.SampleIdOutput, sampleId)
            .With("final_temperature_c", temperature);
    }

    private static List<ParameterLimit> OwnLimits(FurnaceSettings settings) =>
    [
        new("temperature_c", settings.MinTemperatureC, settings.MaxTemperatureC, Unit: "degC"),
        new("duration_min", settings.MinDurationMinutes, settings.MaxDurationMinutes, Unit: "min"),
        new("atmosphere", Choices: settings.Atmospheres, Required: false),
        new(SynthesisSimulator.SampleIdOutput, Required: false),
    ];
}
