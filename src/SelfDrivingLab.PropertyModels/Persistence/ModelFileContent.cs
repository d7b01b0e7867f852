using SelfDrivingLab.PropertyModels.Learning;

namespace SelfDrivingLab.PropertyModels.Persistence;

/// <summary>The JSON body of a model file (version <see cref="ModelFile.CurrentVersion"/>).</summary>
internal sealed record ModelFileContent(string Format, int Version, string FeatureSet, PropertyModelInfo? Info, TabularPredictor? Predictor);
