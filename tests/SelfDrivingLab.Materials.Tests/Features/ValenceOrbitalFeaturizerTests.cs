using SelfDrivingLab.Materials.Features;

namespace SelfDrivingLab.Materials.Tests.Features;

public sealed class ValenceOrbitalFeaturizerTests
{
    private static double[] Featurize(string formula) => Featurizers.Apply(new ValenceOrbitalFeaturizer(), formula);

    [Fact]
    public void FeatureNames_AreAveragesThenFractions()
    {
        var names = new ValenceOrbitalFeaturizer().FeatureNames;

        Assert.Equal(8, names.Count);
        Assert.Equal("avg s valence electrons", names[0]);
        Assert.Equal("frac f valence electrons", names[^1]);
    }

    [Fact]
    public void Featurize_Fe2O3_MatchesHandComputedValues()
    {
        // Fe 3d6 4s2 (fraction 0.4), O 2s2 2p4 (fraction 0.6): s 2, p 2.4, d 2.4, f 0; total 6.8.
        var features = Featurize("Fe2O3");

        Assert.Equal([2, 2.4, 2.4, 0], features[..4].Select(v => Math.Round(v, 12)));
        Assert.Equal(2 / 6.8, features[4], 12);
        Assert.Equal(2.4 / 6.8, features[5], 12);
        Assert.Equal(2.4 / 6.8, features[6], 12);
        Assert.Equal(0, features[7]);
    }

    [Fact]
    public void Featurize_NaCl_MatchesHandComputedValues()
    {
        // Na 3s1, Cl 3s2 3p5, half each: s 1.5, p 2.5.
        var features = Featurize("NaCl");

        Assert.Equal(1.5, features[0], 12);
        Assert.Equal(2.5, features[1], 12);
        Assert.Equal(1.5 / 4, features[4], 12);
        Assert.Equal(2.5 / 4, features[5], 12);
    }
}
