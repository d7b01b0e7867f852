using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Ledger.Postgres.Postgres;

/// <summary>Which campaign a write belongs to, as SQL that finds the campaign's name from what the write names. Immutable.</summary>
/// <param name="NameSql">An SQL expression of the campaign's name, using the parameter <c>@fence_key</c>.</param>
/// <param name="Key">The value bound to <c>@fence_key</c>.</param>
/// <param name="Dispatches">Whether the write precedes a physical action (a command): then the host must also be fresh.</param>
internal readonly record struct FenceScope(string NameSql, string Key, bool Dispatches = false)
{
    public static FenceScope CampaignNamed(string name) => new("@fence_key", name);

    public static FenceScope Campaign(CampaignId id) => new("(SELECT name FROM campaigns WHERE id = @fence_key)", id.Value);

    public static FenceScope Experiment(ExperimentId id) =>
        new("(SELECT c.name FROM experiments e JOIN campaigns c ON c.id = e.campaign_id WHERE e.id = @fence_key)", id.Value);

    public static FenceScope Dispatch(ExperimentId id) => Experiment(id) with { Dispatches = true };

    public static FenceScope Command(CommandId id) =>
        new("(SELECT c.name FROM commands m JOIN experiments e ON e.id = m.experiment_id JOIN campaigns c ON c.id = e.campaign_id WHERE m.id = @fence_key)", id.Value);
}
