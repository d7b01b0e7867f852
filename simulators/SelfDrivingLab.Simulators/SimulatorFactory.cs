using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Simulators;

/// <summary>Builds the simulator driver a <see cref="SimulatedInstrumentDefinition"/> describes.</summary>
public static class SimulatorFactory
{
    /// <summary>
    /// A <see cref="SynthesisSimulator"/> or <see cref="CharacterizationSimulator"/> with its own
    /// <see cref="Random"/>, seeded from <paramref name="seed"/>, the site and the instrument id
    /// (<see cref="StableSeed"/>), so runs repeat exactly and instruments do not share a stream.
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
            CharacterizationSimulator.TypeName => new CharacterizationSimulator(
                definition,
                GroundTruthFactory.Create(definition.GroundTruth
                    ?? throw new ArgumentException($"Characterization instrument '{definition.Id}' needs a ground truth.", nameof(definition))),
                timeProvider,
                random,
                limits),
            _ => throw new ArgumentException(
                $"Instrument '{definition.Id}' has unknown simulator type '{definition.Type}' (known: {SynthesisSimulator.TypeName}, {CharacterizationSimulator.TypeName}).",
                nameof(definition)),
        };
    }
}
