using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Hosting.Simulation;

/// <summary>
/// The limits a simulated instrument announces: for every action parameter that is also a search
/// space parameter, the space's bounds or choices. A command outside them is refused by the instrument.
/// A pool's formula parameter is announced without a limit: its choices are the whole pool (thousands of
/// formulas would bloat the capabilities message), and the proposer only ever picks pool candidates.
/// </summary>
internal static class SimulatorLimitsFromSpace
{
    public static IReadOnlyDictionary<InstrumentId, IReadOnlyList<ParameterLimit>> Build(CampaignDefinition campaign)
    {
        var byName = campaign.Space.Parameters
            .Where(p => p.Name != campaign.Pool?.FormulaColumn)
            .ToDictionary(p => p.Name, StringComparer.Ordinal);
        var result = new Dictionary<InstrumentId, IReadOnlyList<ParameterLimit>>();
        foreach (var simulator in campaign.Simulators)
        {
            var limits = new List<ParameterLimit>();
            foreach (var name in simulator.Parameters)
            {
                limits.Add(byName.TryGetValue(name, out var p) ? Limit(p) : new ParameterLimit(name));
            }

            result[simulator.Id] = limits;
        }

        return result;
    }

    private static ParameterLimit Limit(SpaceParameter parameter) => parameter switch
    {
        ContinuousParameter c => new ParameterLimit(c.Name, c.Low, c.High),
        IntegerParameter i => new ParameterLimit(i.Name, i.Low, i.High),
        CategoricalParameter k => new ParameterLimit(k.Name, Choices: k.Choices),
        _ => new ParameterLimit(parameter.Name),
    };
}
