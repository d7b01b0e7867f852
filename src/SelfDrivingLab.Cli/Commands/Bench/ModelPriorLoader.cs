using SelfDrivingLab.Benchmarks.Data;
using SelfDrivingLab.Cli.Commands.Models;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Data;
using SelfDrivingLab.PropertyModels.Persistence;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>A saved property model's prediction for every row of a table, by the row's formula (<c>--prior-model</c>).</summary>
internal static class ModelPriorLoader
{
    /// <summary>
    /// Loads <paramref name="modelFile"/> and predicts each row of <paramref name="data"/> from its
    /// <paramref name="formulaColumn"/>. Throws <see cref="TableDataException"/> or <see cref="ArgumentException"/>
    /// with a one-line message for a bad file, a missing column, or a classifier used as a prior mean.
    /// </summary>
    public static ModelPrior Load(FileInfo modelFile, FileInfo data, string? formulaColumn, ModelPriorUse use)
    {
        if (formulaColumn is null)
        {
            throw new ArgumentException("--prior-model predicts each candidate from its formula; give --formula-column");
        }

        var model = ModelFile.Load(modelFile.FullName);
        if (use == ModelPriorUse.Mean && model.Info.Task == PropertyTask.Classification)
        {
            throw new ArgumentException($"--prior-model '{modelFile.Name}' is a classifier (P({model.Info.Name})); a prior mean needs a regression model of the target (or use --prior-as feature)");
        }

        var (_, compositions, extras) = TrainingTable.ReadFormulas(data.FullName, formulaColumn, model.Info.ExtraInputs);
        var predictions = model.Predict(compositions, model.Info.ExtraInputs.Count > 0 ? extras : null);
        var (name, _) = ModelPredictCommand.Columns(model.Info);
        return new ModelPrior(name, [.. predictions.Select(p => p.Value)], [.. predictions.Select(p => p.Uncertainty)], use);
    }
}
