using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>Builds the simulator driver (and fault injector) a <see cref="SimulatedInstrumentDefinition"/> describes.</summary>
public static class SimulatorFactory
{
    /// <summary>Every simulator type name.</summary>
    public static IReadOnlyList<string> TypeNames { get; } =
    [
        SynthesisSimulator.TypeName,
        CharacterizationSimulator.TypeName,
        LiquidHandlerSimulator.TypeName,
        FurnaceSimulator.TypeName,
        CharacterizationSimulator.UvVisTypeName,
        XrdSimulator.TypeName,
    ];

    /// <summary>
    /// The simulator of the definition's type (<see cref="TypeNames"/>) with its own <see cref="Random"/>,
    /// seeded from <paramref name="seed"/>, the site and the instrument id (<see cref="StableSeed"/>), so
    /// runs repeat exactly and instruments do not share a stream.
    /// </summary>
    public static IInstrumentDriver Create(
        SimulatedInstrumentDefinition definition,
        SiteId site,
        TimeProvider timeProvider,
        int seed,
        IReadOnlyList<ParameterLimit>? limits = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var random = new Random(StableSeed.Derive(seed, $"{site}/{definition.Id}"));
        return definition.Type.ToLowerInvariant() switch
        {
            SynthesisSimulator.TypeName => new SynthesisSimulator(definition, timeProvider, random, limits),
            CharacterizationSimulator.TypeName => new CharacterizationSimulator(definition, GroundTruthFactory.Create(GroundTruthOf(definition)), timeProvider, random, limits),
            CharacterizationSimulator.UvVisTypeName => new CharacterizationSimulator(
                definition, GroundTruthFactory.Create(GroundTruthOf(definition)), timeProvider, random, limits, CharacterizationSimulator.UvVisTypeName),
            LiquidHandlerSimulator.TypeName => new LiquidHandlerSimulator(definition, timeProvider, random, limits),
            FurnaceSimulator.TypeName => new FurnaceSimulator(definition, timeProvider, random, limits),
            XrdSimulator.TypeName => new XrdSimulator(
                definition,
                GroundTruthFactory.CreateLabel(GroundTruthOf(definition)),
                GroundTruthFactory.Create((definition.Settings as XrdSettings)?.Crystallinity
                    ?? throw new ArgumentException($"XRD instrument '{definition.Id}' needs {nameof(XrdSettings)} with a crystallinity ground truth.", nameof(definition))),
                timeProvider,
                random,
                limits),
            _ => throw new ArgumentException(
                $"Instrument '{definition.Id}' has unknown simulator type '{definition.Type}' (known: {string.Join(", ", TypeNames)}).",
                nameof(definition)),
        };
    }

    /// <summary>
    /// The fault injector of <paramref name="definition"/>'s <see cref="SimulatedInstrumentDefinition.Faults"/>
    /// (null when it has none), seeded like the simulator but from its own stream, so adding faults does
    /// not change the measurements.
    /// </summary>
    public static SeededFaultInjector? CreateFaultInjector(SimulatedInstrumentDefinition definition, SiteId site, int seed)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Faults.Any
            ? new SeededFaultInjector(definition.Faults, new Random(StableSeed.Derive(seed, $"{site}/{definition.Id}/faults")))
            : null;
    }

    private static GroundTruthDefinition GroundTruthOf(SimulatedInstrumentDefinition definition) =>
        definition.GroundTruth ?? throw new ArgumentException($"{definition.Type} instrument '{definition.Id}' needs a ground truth.", nameof(definition));
}
