using System.Globalization;
using SelfDrivingLab.Campaigns.Loading;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Screening;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Discovery;

/// <summary>
/// Reads discovery files (<c>sdl discover</c>) into <see cref="DiscoveryDefinition"/>s, reporting every problem with
/// its path and line in one <see cref="CampaignDefinitionException"/>, as campaign files are. The campaign section
/// holds a campaign file's keys for the objective and the proposer; the loader adds the name, seed, the screened pool
/// (with <c>prior_model</c> naming one of the file's models), a synthesis and UV-vis workflow and its simulated
/// instruments, whose ground truth is the truth model's prediction plus noise. Stateless and thread-safe.
/// </summary>
public static class DiscoveryLoader
{
    private static readonly string[] TopLevelKeys = ["name", "seed", "out", "models", "screen", "lab", "campaign"];
    private static readonly string[] PriorModelOptions = ["as", "scale", "uncertainty"];
    private static readonly string[] ProvidedCampaignKeys = ["name", "seed", "pool", "space", "workflow", "simulators", "prior"];

    /// <summary>Loads the discovery file at <paramref name="path"/>; relative paths (tables, <c>out</c>) resolve against its directory; without <c>out</c> files go to <c>.sdl/discover/&lt;name&gt;</c> under the current directory.</summary>
    public static DiscoveryDefinition LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        return Parse(CampaignFileText.Read(fullPath), fullPath);
    }

    /// <summary>Parses discovery YAML; <paramref name="sourcePath"/> anchors relative table paths (default: the current directory).</summary>
    public static DiscoveryDefinition Parse(string yaml, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new ErrorList();
        var node = CampaignLoader.LoadRoot(yaml, errors);
        var baseDirectory = sourcePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(sourcePath))!;
        var definition = node is null ? null : Read(new YamlMap(node, string.Empty, errors), baseDirectory);
        if (definition is null || errors.Count > 0)
        {
            throw new CampaignDefinitionException(sourcePath is null ? "discovery" : Path.GetFileName(sourcePath), errors.InFileOrder());
        }

        return definition;
    }

    private static DiscoveryDefinition? Read(YamlMap root, string baseDirectory)
    {
        var before = root.Errors.Count;
        root.CheckKeys(TopLevelKeys);
        var name = root.String("name", required: true);
        var seed = (int?)root.Integer("seed", min: int.MinValue, max: int.MaxValue) ?? 0;
        var output = root.String("out") is { } outText ? Path.GetFullPath(Path.Combine(baseDirectory, outText)) : Path.GetFullPath(Path.Combine(".sdl", "discover", name ?? "discovery"));
        var models = ReadModels(root, baseDirectory, output);
        var (space, criteria, top) = ReadScreen(root, models);
        var (truth, noise) = ReadLab(root, models, criteria);
        var campaign = root.Map("campaign", required: true);
        if (root.Errors.Count != before || name is null || models is null || space is null || criteria is null || truth is null || campaign is null)
        {
            return null;
        }

        var definition = new DiscoveryDefinition(name, seed, output, models, space, criteria, top, truth, noise, string.Empty);
        var yaml = CampaignYaml(campaign, definition);
        return yaml is null ? null : definition with { CampaignYaml = yaml, TruthOutput = campaign.Map("objective")?.String("output") ?? string.Empty };
    }

    private static List<DiscoveryModel>? ReadModels(YamlMap root, string baseDirectory, string output)
    {
        var items = root.List("models", required: true);
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            root.Error("models", "needs at least one model");
            return null;
        }

        var models = new List<DiscoveryModel>();
        foreach (var (node, path) in items)
        {
            if (YamlMap.From(node, path, root.Errors) is not { } map)
            {
                continue;
            }

            map.CheckKeys("name", "table", "formula_column", "target", "rows", "kind", "file");
            var name = map.String("name", required: true);
            var table = map.String("table", required: true);
            var formulaColumn = map.String("formula_column", required: true);
            var target = map.String("target", required: true);
            var rows = (int?)map.Integer("rows", min: 20, max: int.MaxValue);
            var kind = ReadKind(map);
            var file = map.String("file");
            if (name is null || table is null || formulaColumn is null || target is null || kind is null)
            {
                continue;
            }

            if (models.Any(m => m.Name == name))
            {
                map.Error("name", $"model '{name}' is named twice");
                continue;
            }

            var tablePath = Path.GetFullPath(Path.Combine(baseDirectory, table));
            if (!File.Exists(tablePath))
            {
                map.Error("table", $"file '{table}' does not exist (looked for {tablePath})");
                continue;
            }

            var filePath = Path.GetFullPath(Path.Combine(file is null ? Path.Combine(output, "models") : baseDirectory, file ?? $"{name}.sdlmodel"));
            models.Add(new DiscoveryModel(name, tablePath, formulaColumn, target, rows, kind.Value, filePath));
        }

        return models.Count == items.Count ? models : null;
    }

    private static ModelKind? ReadKind(YamlMap map)
    {
        var text = map.String("kind");
        if (text is null)
        {
            return ModelKind.GradientBoostedTrees;
        }

        try
        {
            return ModelKinds.Parse(text);
        }
        catch (ArgumentException)
        {
            map.Error("kind", $"'{text}' is not a model kind; use {string.Join(", ", ModelKinds.Names)}");
            return null;
        }
    }

    private static (CompositionSpace? Space, List<ScreenCriterion>? Criteria, int? Top) ReadScreen(YamlMap root, List<DiscoveryModel>? models)
    {
        if (root.Map("screen", required: true) is not { } map)
        {
            return (null, null, null);
        }

        var before = map.Errors.Count;
        map.CheckKeys("elements", "max_atoms", "grid", "charge_neutral", "where", "top");
        var space = new CompositionSpace
        {
            Elements = map.StringList("elements", required: true) ?? [],
            MaxAtoms = (int?)map.Integer("max_atoms", min: 1, max: 1000),
            GridStep = map.Number("grid", min: 0),
            ChargeNeutral = map.Boolean("charge_neutral") ?? false,
        };
        var top = (int?)map.Integer("top", min: 1, max: int.MaxValue);
        var criteria = new List<ScreenCriterion>();
        foreach (var text in map.StringList("where") ?? [])
        {
            try
            {
                var criterion = ScreenCriterion.Parse(text);
                if (models is not null && models.All(m => m.Name != criterion.ModelName))
                {
                    map.Error("where", $"\"{text}\" names '{criterion.ModelName}', which is not one of the models ({string.Join(", ", models.Select(m => m.Name))})");
                }

                criteria.Add(criterion);
            }
            catch (ArgumentException ex)
            {
                map.Error("where", $"\"{text}\": {ex.Message}");
            }
        }

        if (map.Errors.Count == before)
        {
            try
            {
                space.Validate();
            }
            catch (ArgumentException ex)
            {
                // The screening code speaks of sdl screen's options; here they are the section's keys.
                map.Error("elements", ex.Message.Replace("--max-atoms", "max_atoms", StringComparison.Ordinal).Replace("--grid", "grid", StringComparison.Ordinal).Replace("--elements", "elements", StringComparison.Ordinal));
            }
        }

        return map.Errors.Count == before ? (space, criteria, top) : (null, null, null);
    }

    private static (string? Truth, double Noise) ReadLab(YamlMap root, List<DiscoveryModel>? models, List<ScreenCriterion>? criteria)
    {
        if (root.Map("lab", required: true) is not { } map)
        {
            return (null, 0);
        }

        map.CheckKeys("truth", "noise_sd");
        var truth = map.String("truth", required: true);
        var noise = map.Number("noise_sd", min: 0) ?? 0;
        if (truth is not null && models is not null && models.All(m => m.Name != truth))
        {
            map.Error("truth", $"'{truth}' is not one of the models ({string.Join(", ", models.Select(m => m.Name))})");
            return (null, noise);
        }

        // The lab's truth stands for what nobody knows before measuring: neither the screen nor the campaign may use it.
        if (truth is not null && criteria?.FirstOrDefault(c => c.ModelName == truth) is { } used)
        {
            map.Error("truth", $"'{truth}' is the simulated lab's truth, so the screen cannot use it (\"{used.Text}\"); name another model there");
            return (null, noise);
        }

        return (truth, noise);
    }

    /// <summary>The campaign file for the screened pool: the file's campaign keys plus what the discovery provides.</summary>
    private static string? CampaignYaml(YamlMap campaign, DiscoveryDefinition definition)
    {
        var before = campaign.Errors.Count;
        foreach (var key in ProvidedCampaignKeys.Where(campaign.Has))
        {
            campaign.Error(key, $"'{key}' is set by sdl discover (the screened pool, the simulated lab); leave it out");
        }

        var objective = campaign.Map("objective", required: true);
        var output = objective?.String("output", required: true);
        var pool = new YamlMappingNode { { "table", definition.PoolPath }, { "formula_column", "formula" } };
        if (campaign.Map("prior_model") is { } prior)
        {
            prior.CheckKeys("model", "as", "scale", "uncertainty");
            var model = prior.String("model", required: true);
            var file = definition.Models.FirstOrDefault(m => m.Name == model)?.File;
            if (model is not null && model == definition.TruthModel)
            {
                prior.Error("model", $"'{model}' is the simulated lab's truth; a campaign that knew it would have nothing to learn — name another model");
            }
            else if (model is not null && file is null)
            {
                prior.Error("model", $"'{model}' is not one of the models ({string.Join(", ", definition.Models.Select(m => m.Name))})");
            }

            var priorNode = new YamlMappingNode { { "model", file ?? string.Empty } };
            foreach (var key in PriorModelOptions.Where(prior.Has))
            {
                priorNode.Add(key, prior.String(key) ?? string.Empty);
            }

            pool.Add("prior_model", priorNode);
        }

        if (campaign.Errors.Count != before || output is null)
        {
            return null;
        }

        var root = new YamlMappingNode { { "name", definition.Name }, { "seed", definition.Seed.ToString(CultureInfo.InvariantCulture) } };
        foreach (var (key, value) in campaign.Node.Children)
        {
            if (key is YamlScalarNode { Value: not "prior_model" })
            {
                root.Add(key, value);
            }
        }

        root.Add("pool", pool);
        root.Add("workflow", Workflow());
        root.Add("simulators", Simulators(definition, output));
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return $"# Written by sdl discover for '{definition.Name}': the screened pool on the simulated lab.\n{writer}";
    }

    private static YamlSequenceNode Workflow() =>
    [
        new YamlMappingNode { { "name", "synthesis" }, { "capability", "synthesize" }, { "deadline", "4h" }, { "parameters", new YamlMappingNode { { "composition", "$formula" } } } },
        new YamlMappingNode
        {
            { "name", "characterization" }, { "capability", "measure-gap" }, { "deadline", "1h" },
            { "parameters", new YamlMappingNode { { "sample_id", "$steps.synthesis.sample_id" }, { DiscoveryDefinition.TruthKey, "$formula" } } },
        },
    ];

    private static YamlSequenceNode Simulators(DiscoveryDefinition definition, string output)
    {
        var inputs = new YamlSequenceNode { DiscoveryDefinition.TruthKey };
        var truth = new YamlMappingNode
        {
            { "table", definition.TruthPath }, { "inputs", inputs }, { "output", output }, { "match", "exact" },
        };
        if (definition.NoiseSd > 0)
        {
            truth.Add("noise_sd", definition.NoiseSd.ToString("R", CultureInfo.InvariantCulture));
        }

        return
        [
            new YamlMappingNode
            {
                { "id", "synthesizer-1" }, { "type", "synthesis" }, { "capability", "synthesize" },
                { "duration", new YamlMappingNode { { "mean", "2h" }, { "sd", "30m" } } },
            },
            new YamlMappingNode
            {
                { "id", "uvvis-1" }, { "type", "characterization" }, { "capability", "measure-gap" },
                { "duration", new YamlMappingNode { { "mean", "15m" }, { "sd", "3m" } } }, { "ground_truth", truth },
            },
        ];
    }
}
