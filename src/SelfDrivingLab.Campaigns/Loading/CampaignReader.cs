using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Reads a whole campaign file's root mapping, section by section, collecting every error.</summary>
internal static class CampaignReader
{
    private const int PoolDefaultDimensions = 5;

    private static readonly string[] TopLevelKeys =
    [
        "name", "description", "site", "seed", "budget", "parallel", "objective", "objectives", "prior", "space", "pool", "mixtures", "constraints",
        "initial_design", "surrogate", "acquisition", "workflow", "simulators", "approval", "priority",
    ];

    /// <summary>The definition, or null when <paramref name="root"/> had errors (all recorded in <see cref="YamlMap.Errors"/>).</summary>
    public static CampaignDefinition? Read(YamlMap root, string sourceText, string? sourcePath)
    {
        var errors = root.Errors;
        var before = errors.Count;
        root.CheckKeys(TopLevelKeys);

        var name = root.String("name", required: true);
        var description = root.String("description");
        var site = ReadSite(root);
        var seed = (int?)root.Integer("seed", min: int.MinValue, max: int.MaxValue) ?? 0;
        var budget = (int?)root.Integer("budget", required: true, min: 1, max: int.MaxValue);
        var parallel = (int?)root.Integer("parallel", min: 1, max: budget ?? int.MaxValue, maxMeaning: "the budget") ?? 1;
        var (objectives, objectiveList) = ObjectiveReader.Read(root);
        var (space, parameterNames, pool) = ReadCandidates(root, sourcePath, seed);
        var proposer = ProposerReader.Read(root, budget, seed, pool is not null ? PoolDefaultDimensions : space?.Parameters.Count ?? parameterNames.Count, objectives?.Count ?? 1);
        proposer = pool is null ? proposer : proposer with { Pool = pool.Candidates, PriorMean = pool.PriorMean };
        var approval = ApprovalReader.Read(root, space);
        var priority = (int?)root.Integer("priority", min: CampaignDefinition.LowestPriority, max: CampaignDefinition.HighestPriority) ?? CampaignDefinition.NormalPriority;
        var workflow = WorkflowReader.Read(root);
        var baseDirectory = sourcePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(sourcePath)!;
        var simulation = SimulatorReader.Read(root, baseDirectory, [.. workflow.Steps.Select(s => s.Step)]);
        var prior = PriorReader.Read(root, baseDirectory, space, pool);
        if (errors.Count != before || name is null || site is null || budget is null || objectives is null || space is null)
        {
            return null;
        }

        var definition = new CampaignDefinition(
            name,
            description,
            site.Value,
            seed,
            budget.Value,
            parallel,
            objectives[0],
            space,
            proposer,
            [.. workflow.Steps.Select(s => s.Step)],
            [.. simulation.Simulators.Select(s => s.Simulator)],
            sourceText,
            sourcePath)
        {
            Pool = pool,
            Approval = approval,
            Priority = priority,
            Prior = prior,
            Units = UnitReader.Read(root),
        };
        if (objectiveList)
        {
            definition = definition with { Objectives = objectives };
        }

        // What the file says is read; whether it makes a campaign that can run is the model's question, the same
        // for a campaign built in code (CampaignValidator), answered here with the file's lines.
        var source = new YamlDefinitionSource(root.Node);
        source.Report(CampaignValidator.Validate(definition, source), errors);
        return errors.Count == before ? definition : null;
    }

    /// <summary>
    /// <c>space</c> (+ <c>mixtures</c>) or <c>pool</c>, exactly one. A pool's default initial design is
    /// min(budget, 2 × <see cref="PoolDefaultDimensions"/>) random candidates: its features are many and correlated,
    /// so twice their number would spend the whole budget on random picks.
    /// </summary>
    private static (SearchSpace? Space, IReadOnlyList<string> Names, CandidatePoolDefinition? Pool) ReadCandidates(YamlMap root, string? sourcePath, int seed)
    {
        if (!root.Has("pool"))
        {
            var (space, names) = SpaceReader.Read(root);
            return (space, names, null);
        }

        if (root.Has("space"))
        {
            root.Error("pool", "give either 'space' or 'pool', not both");
        }

        if (root.Has("mixtures"))
        {
            root.Error("mixtures", "'mixtures' applies only to a 'space', not to a 'pool'");
        }

        if (root.Has("constraints"))
        {
            root.Error("constraints", "'constraints' applies only to a 'space', not to a 'pool'");
        }

        var baseDirectory = sourcePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(sourcePath)!;
        var (pool, poolSpace, poolNames) = PoolReader.Read(root, baseDirectory, seed);
        return (poolSpace, poolNames, pool);
    }

    private static SiteId? ReadSite(YamlMap root)
    {
        var site = root.String("site") ?? "lab";
        if (IdRules.IsValid(site))
        {
            return new SiteId(site);
        }

        root.Error("site", $"'{site}' is not a valid site id; use letters, digits, '-', '_' or '.'");
        return null;
    }
}
