using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>
/// The limits a simulated instrument announces: for every action parameter that is also a search
/// space parameter, the space's bounds or choices — for a shared instrument, the union over the
/// campaigns that use it. A command outside them is refused by the instrument.
/// A pool's formula parameter is announced without a limit: its choices are the whole pool (thousands of
/// formulas would bloat the capabilities message), and the proposer only ever picks pool candidates.
/// </summary>
internal static class SimulatorLimitsFromSpace
{
    public static IReadOnlyDictionary<InstrumentId, IReadOnlyList<ParameterLimit>> Build(FacilityDefinition facility)
    {
        var result = new Dictionary<InstrumentId, IReadOnlyList<ParameterLimit>>();
        foreach (var simulator in facility.Simulators)
        {
            var limits = new List<ParameterLimit>();
            foreach (var name in simulator.Parameters)
            {
                var declared = facility.Campaigns
                    .SelectMany(c => c.Space.Parameters.Where(p => p.Name == name && p.Name != c.Pool?.FormulaColumn))
                    .Select(Limit)
                    .ToList();
                limits.Add(declared.Count == 0 ? new ParameterLimit(name) : declared.Aggregate(Union));
            }

            result[simulator.Id] = limits;
        }

        return result;
    }

    // A union keeps the integer type and the step grid only when every campaign has the same.
    private static ParameterLimit Union(ParameterLimit a, ParameterLimit b) =>
        a.Choices is not null || b.Choices is not null
            ? new ParameterLimit(a.Name, Choices: [.. (a.Choices ?? []).Union(b.Choices ?? [], StringComparer.Ordinal)])
            : new ParameterLimit(a.Name, Math.Min(a.Min ?? double.NegativeInfinity, b.Min ?? double.NegativeInfinity), Math.Max(a.Max ?? double.PositiveInfinity, b.Max ?? double.PositiveInfinity))
            {
                Type = a.Type == b.Type ? a.Type : null,
                Step = a.Step == b.Step && a.Min == b.Min ? a.Step : null,
            };

    private static ParameterLimit Limit(SpaceParameter parameter) => parameter switch
    {
        ContinuousParameter c => new ParameterLimit(c.Name, c.Low, c.High),
        IntegerParameter i => new ParameterLimit(i.Name, i.Low, i.High) { Type = ParameterKind.Integer, Step = i.Step > 1 ? i.Step : null },
        CategoricalParameter k => new ParameterLimit(k.Name, Choices: k.Choices),
        _ => new ParameterLimit(parameter.Name),
    };
}
