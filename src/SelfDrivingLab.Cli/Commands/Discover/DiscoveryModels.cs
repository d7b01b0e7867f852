using SelfDrivingLab.Campaigns.Discovery;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Data;
using SelfDrivingLab.PropertyModels.Persistence;

namespace SelfDrivingLab.Cli.Commands.Discover;

/// <summary>Trains a discovery's property models, or loads them when their files exist and match.</summary>
internal static class DiscoveryModels
{
    /// <summary>The model of <paramref name="spec"/>: loaded when its file holds a model of the same name, target, kind and row count; otherwise trained (on a seeded subsample of <see cref="DiscoveryModel.Rows"/> rows) and saved.</summary>
    public static (PropertyModel Model, bool Loaded) LoadOrTrain(DiscoveryModel spec, int seed, CancellationToken cancellationToken)
    {
        var data = TrainingTable.Read(new TableRequest(spec.Table, spec.FormulaColumn, spec.Target, Name: spec.Name));
        if (spec.Rows is { } rows && rows < data.Count)
        {
            var order = Enumerable.Range(0, data.Count).ToArray();
            new Random(seed).Shuffle(order);
            data = data.Subset([.. order[..rows].Order()]);
        }

        if (File.Exists(spec.File))
        {
            var existing = ModelFile.Load(spec.File);
            var info = existing.Info;
            if (info.Name == spec.Name && info.Target == spec.Target && info.Kind == spec.Kind && info.TrainingRows == data.Count)
            {
                return (existing, true);
            }
        }

        var model = PropertyModelTrainer.Train(data, new ModelSettings { Kind = spec.Kind, Seed = seed }, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(spec.File)!);
        ModelFile.Save(model, spec.File);
        return (model, false);
    }
}
