using SelfDrivingLab.Materials.Features;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Tests.Features;

/// <summary>Runs one featurizer on a formula.</summary>
internal static class Featurizers
{
    public static double[] Apply(ICompositionFeaturizer featurizer, string formula)
    {
        var features = new double[featurizer.FeatureNames.Count];
        featurizer.Featurize(ChemicalFormula.Parse(formula), features);
        return features;
    }
}
