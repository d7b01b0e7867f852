using SelfDrivingLab.Materials.Features;

namespace SelfDrivingLab.Materials.Tests.Features;

public sealed class StoichiometryFeaturizerTests
{
    private static double[] Featurize(string formula) => Featurizers.Apply(new StoichiometryFeaturizer(), formula);

    [Fact]
    public void FeatureNames_AreMatminerNorms()
    {
        Assert.Equal(["0-norm", "2-norm", "3-norm", "5-norm", "7-norm", "10-norm"], new StoichiometryFeaturizer().FeatureNames);
    }

    [Fact]
    public void Featurize_Fe2O3_GivesPNormsOfTheFractions()
    {
        // Fractions 0.4 and 0.6.
        var features = Featurize("Fe2O3");

        Assert.Equal(2, features[0]);
        Assert.Equal(Math.Sqrt(0.16 + 0.36), features[1], 12);
        Assert.Equal(Math.Pow(0.064 + 0.216, 1.0 / 3), features[2], 12);
        Assert.Equal(Math.Pow(Math.Pow(0.4, 10) + Math.Pow(0.6, 10), 0.1), features[5], 12);
    }

    [Fact]
    public void Featurize_SingleElement_EveryNormIsOne()
    {
        var features = Featurize("Cu");

        Assert.Equal(1, features[0]);
        Assert.All(features.Skip(1), value => Assert.Equal(1, value, 12));
    }
}
