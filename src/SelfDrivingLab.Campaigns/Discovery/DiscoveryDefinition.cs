using SelfDrivingLab.PropertyModels.Screening;

namespace SelfDrivingLab.Campaigns.Discovery;

/// <summary>
/// A discovery file (<c>sdl discover</c>): property models to train, a chemical system to enumerate and screen with them,
/// and the campaign to run over the screened pool on the simulated lab. Immutable.
/// </summary>
/// <param name="Name">The discovery's name (also its campaign's).</param>
/// <param name="Seed">Seed of the training subsamples, the models and the campaign.</param>
/// <param name="OutputDirectory">Where the models, pool, truth table, campaign file, ledger and report are written.</param>
/// <param name="Models">The property models, by name.</param>
/// <param name="Space">The compositions to enumerate.</param>
/// <param name="Criteria">The <c>where</c> conditions a candidate must meet.</param>
/// <param name="Top">The best candidates kept (null: every one that passes).</param>
/// <param name="TruthModel">The model whose prediction the simulated lab measures.</param>
/// <param name="NoiseSd">Standard deviation of the simulated measurement noise.</param>
/// <param name="CampaignYaml">The campaign file written for the screened pool (read by <see cref="CampaignLoader"/>).</param>
public sealed record DiscoveryDefinition(
    string Name,
    int Seed,
    string OutputDirectory,
    IReadOnlyList<DiscoveryModel> Models,
    CompositionSpace Space,
    IReadOnlyList<ScreenCriterion> Criteria,
    int? Top,
    string TruthModel,
    double NoiseSd,
    string CampaignYaml)
{
    /// <summary>The parameter the simulated UV-vis is told (the formula) and the truth table's key column.</summary>
    public const string TruthKey = "composition";

    /// <summary>The campaign objective's output: the truth table's measured column.</summary>
    public string TruthOutput { get; init; } = string.Empty;

    /// <summary>The screened pool's CSV file (columns: formula, each model's prediction and uncertainty, score).</summary>
    public string PoolPath => Path.Combine(OutputDirectory, "pool.csv");

    /// <summary>The simulated lab's ground truth: the truth model's prediction of each screened candidate.</summary>
    public string TruthPath => Path.Combine(OutputDirectory, "truth.csv");

    /// <summary>The campaign file written for the screened pool.</summary>
    public string CampaignPath => Path.Combine(OutputDirectory, "campaign.yaml");

    /// <summary>The campaign's ledger.</summary>
    public string LedgerPath => Path.Combine(OutputDirectory, "ledger.db");

    /// <summary>The report's directory.</summary>
    public string ReportDirectory => Path.Combine(OutputDirectory, "report");
}
