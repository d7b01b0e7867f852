using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.Optimization.Pools;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Data;
using SelfDrivingLab.PropertyModels.Persistence;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads a pool's <c>prior_model: { model: FILE, as: mean | feature, scale: fixed | learned, uncertainty: true | false }</c> and predicts every
/// candidate with the saved model (<c>sdl model train</c>), by its formula.
/// </summary>
internal static class PoolPriorModelReader
{
    private static readonly (string, PoolPriorModelUse)[] Uses = [("mean", PoolPriorModelUse.Mean), ("feature", PoolPriorModelUse.Feature)];
    private static readonly string[] MeanOnlyKeys = ["scale", "uncertainty"];
    private static readonly (string, PriorMeanScaling)[] Scalings = [("fixed", PriorMeanScaling.Fixed), ("learned", PriorMeanScaling.Learned)];

    /// <summary>The definition and the loaded model, or nulls (errors recorded) when <c>prior_model</c> is absent or wrong.</summary>
    public static (PoolPriorModelDefinition? Definition, IPropertyModel? Model) Read(YamlMap pool, string baseDirectory, string? formulaColumn)
    {
        if (pool.Map("prior_model") is not { } map)
        {
            return (null, null);
        }

        var before = map.Errors.Count;
        map.CheckKeys("model", "as", "scale", "uncertainty");
        var file = map.String("model", required: true);
        var use = map.Choice("as", "prior model use", Uses) ?? PoolPriorModelUse.Mean;
        var scaling = map.Choice("scale", "prior mean scaling", Scalings) ?? PriorMeanScaling.Fixed;
        var uncertainty = map.Boolean("uncertainty") ?? true;
        foreach (var key in MeanOnlyKeys.Where(k => use == PoolPriorModelUse.Feature && map.Has(k)))
        {
            map.Error(key, $"'{key}' applies only to 'as: mean'");
        }

        if (formulaColumn is null)
        {
            pool.Error("prior_model", "a prior model predicts each candidate from its formula; the pool needs 'formula_column'");
        }

        if (map.Errors.Count != before || file is null)
        {
            return (null, null);
        }

        var path = Path.GetFullPath(Path.Combine(baseDirectory, file));
        PropertyModel model;
        try
        {
            model = ModelFile.Load(path);
        }
        catch (TableDataException ex)
        {
            map.Error("model", ex.Message);
            return (null, null);
        }

        if (model.Info.ExtraInputs.Count > 0)
        {
            map.Error("model", $"'{file}' also needs the inputs {string.Join(", ", model.Info.ExtraInputs)}; a pool's prior model must predict from the formula alone");
            return (null, null);
        }

        if (use == PoolPriorModelUse.Mean && model.Info.Task == PropertyTask.Classification)
        {
            map.Error("as", $"'{file}' is a classifier (P({model.Info.Name})); a prior mean needs a regression model of the objective (or use 'as: feature')");
            return (null, null);
        }

        return (new PoolPriorModelDefinition(path, use, scaling, uncertainty), model);
    }

    /// <summary>The model's prediction and uncertainty for each composition.</summary>
    public static (double[] Values, double[] Uncertainties) Predict(IPropertyModel model, IReadOnlyList<Composition> compositions)
    {
        var predictions = model.Predict(compositions);
        return ([.. predictions.Select(p => p.Value)], [.. predictions.Select(p => p.Uncertainty)]);
    }
}
