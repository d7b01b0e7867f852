using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Reads <c>simulators</c>: instruments the host starts in software for this campaign.</summary>
internal static class SimulatorReader
{
    public const string LiquidHandler = SimulatorTypes.LiquidHandler;
    public const string Furnace = SimulatorTypes.Furnace;
    public const string Xrd = SimulatorTypes.Xrd;

    private static readonly IReadOnlyList<string> Types = SimulatorTypes.All;

    /// <summary>Types that measure a ground truth (and so need one).</summary>
    private static readonly IReadOnlyList<string> Measuring = SimulatorTypes.Measuring;

    private static readonly string[] CommonKeys = ["id", "type", "capability", "parameters", "duration", "failure_rate", "ground_truth", "faults", "idempotent", "site"];

    /// <summary>
    /// The simulators that parsed (with their mappings), every capability declared (even by simulators
    /// with other errors, so a step is not also blamed for them), and whether every simulator parsed.
    /// </summary>
    public static (IReadOnlyList<(SimulatedInstrumentDefinition Simulator, YamlMap Map)> Simulators, IReadOnlyList<string> Capabilities, bool Complete) Read(
        YamlMap root, string baseDirectory, IReadOnlyList<WorkflowStepDefinition> steps)
    {
        var simulators = new List<(SimulatedInstrumentDefinition, YamlMap)>();
        var capabilities = new List<string>();
        var items = root.List("simulators") ?? [];
        foreach (var (node, path) in items)
        {
            if (YamlMap.From(node, path, root.Errors) is not { } map)
            {
                continue;
            }

            var id = ReadId(map);
            var type = ReadType(map);
            map.CheckKeys([.. CommonKeys, .. SimulatorSettingsReader.KeysOf(type)]);
            var capability = map.String("capability", required: true);
            if (capability is not null)
            {
                capabilities.Add(capability);
            }

            var parameters = map.StringList("parameters") ?? DefaultParameters(steps, capability);
            var duration = DurationReader.Read(map, "duration", required: true);
            var failureRate = map.Number("failure_rate", min: 0, belowMax: 1);
            var groundTruth = ReadGroundTruth(map, type, baseDirectory);
            var faults = FaultReader.Read(map);
            var (settings, settingsOk) = SimulatorSettingsReader.Read(map, type, baseDirectory);
            var idempotent = map.Boolean("idempotent");
            var (site, siteOk) = SiteIdReader.Read(map);

            var complete = id is not null && type is not null && capability is not null && duration is not null
                && (failureRate is not null || !map.Has("failure_rate"))
                && (groundTruth is not null || !Measuring.Contains(type))
                && faults is not null && settingsOk && siteOk && (idempotent is not null || !map.Has("idempotent"));
            if (complete)
            {
                var simulator = new SimulatedInstrumentDefinition(id!.Value, type!, capability!, duration!, failureRate ?? 0, groundTruth, parameters)
                {
                    Faults = faults!,
                    Settings = settings,
                    Site = site,
                };
                simulator = idempotent is { } declared ? simulator with { Idempotent = declared } : simulator;
                simulators.Add((simulator, map));
            }
        }

        return (simulators, capabilities, simulators.Count == items.Count);
    }


    /// <summary>The id (two simulators with one id are the validator's finding, SimulatorRules).</summary>
    private static InstrumentId? ReadId(YamlMap map)
    {
        var id = map.String("id", required: true);
        if (id is null)
        {
            return null;
        }

        if (!IdRules.IsValid(id))
        {
            map.Error("id", $"'{id}' is not a valid instrument id; use letters, digits, '-', '_' or '.'");
            return null;
        }

        return new InstrumentId(id);
    }

    private static string? ReadType(YamlMap map)
    {
        var type = map.String("type", required: true);
        if (type is null || Types.Contains(type))
        {
            return type;
        }

        map.Error("type", $"'{type}' is not a simulator type; use {string.Join(", ", Types)}{NameSuggestion.DidYouMean(type, Types)}");
        return null;
    }

    private static GroundTruthDefinition? ReadGroundTruth(YamlMap map, string? type, string baseDirectory)
    {
        var section = map.Map("ground_truth", required: type is not null && Measuring.Contains(type));
        if (section is null)
        {
            return null;
        }

        if (type is not null && !Measuring.Contains(type))
        {
            map.Error("ground_truth", $"only {string.Join(", ", Measuring)} simulators have a ground truth");
            return null;
        }

        return GroundTruthReader.Read(section, baseDirectory, textOutput: type == Xrd);
    }

    /// <summary>The command parameters of every step that uses <paramref name="capability"/>, in first-use order.</summary>
    private static IReadOnlyList<string> DefaultParameters(IReadOnlyList<WorkflowStepDefinition> steps, string? capability) =>
        [.. steps.Where(s => s.Capability == capability).SelectMany(s => s.Parameters.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal)];
}
