using SelfDrivingLab.Materials.Elements;
using SelfDrivingLab.Materials.Features;

namespace SelfDrivingLab.Materials.Tests.Features;

public sealed class MagpieFeaturizerTests
{
    private static double Feature(double[] features, string name) =>
        features[new MagpieFeaturizer().FeatureNames.ToList().IndexOf(name)];

    [Fact]
    public void FeatureNames_Are132MatminerNames_PropertyMajor()
    {
        var names = new MagpieFeaturizer().FeatureNames;

        Assert.Equal(132, names.Count);
        Assert.Equal("MagpieData minimum Number", names[0]);
        Assert.Equal("MagpieData mode Number", names[5]);
        Assert.Equal("MagpieData minimum MendeleevNumber", names[6]);
        Assert.Equal("MagpieData mode SpaceGroupNumber", names[^1]);
        Assert.Equal(132, names.Distinct().Count());
    }

    [Fact]
    public void Featurize_Fe2O3_MatchesHandComputedStatistics()
    {
        // Fe: Z 26, χ 1.83; O: Z 8, χ 3.44; fractions 0.4 and 0.6.
        var features = new MagpieFeaturizer().Featurize("Fe2O3");

        Assert.Equal(8, Feature(features, "MagpieData minimum Number"));
        Assert.Equal(26, Feature(features, "MagpieData maximum Number"));
        Assert.Equal(18, Feature(features, "MagpieData range Number"));
        Assert.Equal((0.4 * 26) + (0.6 * 8), Feature(features, "MagpieData mean Number"), 12);
        Assert.Equal((0.4 * 10.8) + (0.6 * 7.2), Feature(features, "MagpieData avg_dev Number"), 12);
        Assert.Equal(8, Feature(features, "MagpieData mode Number"));
        var meanChi = (0.4 * 1.83) + (0.6 * 3.44);
        Assert.Equal(meanChi, Feature(features, "MagpieData mean Electronegativity"), 12);
        Assert.Equal((0.4 * Math.Abs(1.83 - meanChi)) + (0.6 * Math.Abs(3.44 - meanChi)), Feature(features, "MagpieData avg_dev Electronegativity"), 12);
        Assert.Equal(3.44, Feature(features, "MagpieData mode Electronegativity"));
    }

    [Fact]
    public void Featurize_NaCl_TiedFractions_ModeIsSmallestValue()
    {
        // Na: Z 11, χ 0.93, Mendeleev 2; Cl: Z 17, χ 3.16, Mendeleev 94.
        var features = new MagpieFeaturizer().Featurize("NaCl");

        Assert.Equal(14, Feature(features, "MagpieData mean Number"), 12);
        Assert.Equal(3, Feature(features, "MagpieData avg_dev Number"), 12);
        Assert.Equal(11, Feature(features, "MagpieData mode Number"));
        Assert.Equal(2.045, Feature(features, "MagpieData mean Electronegativity"), 12);
        Assert.Equal(1.115, Feature(features, "MagpieData avg_dev Electronegativity"), 12);
        Assert.Equal(2.23, Feature(features, "MagpieData range Electronegativity"), 12);
        Assert.Equal(0.93, Feature(features, "MagpieData mode Electronegativity"));
        Assert.Equal(2, Feature(features, "MagpieData mode MendeleevNumber"));
    }

    [Fact]
    public void Featurize_SingleElement_HasZeroSpread()
    {
        var features = new MagpieFeaturizer().Featurize("Fe");

        Assert.Equal(26, Feature(features, "MagpieData mean Number"));
        Assert.Equal(0, Feature(features, "MagpieData avg_dev Number"));
        Assert.Equal(0, Feature(features, "MagpieData range Number"));
    }

    [Fact]
    public void Featurize_MissingProperty_TableMeanImputes()
    {
        // He has no electronegativity in the Magpie tables.
        var features = new MagpieFeaturizer(MissingValuePolicy.TableMean).Featurize("HeO");
        var imputed = ElementTable.Default.Mean("Electronegativity");

        Assert.Equal(Math.Min(imputed, 3.44), Feature(features, "MagpieData minimum Electronegativity"), 12);
        Assert.Equal((0.5 * imputed) + (0.5 * 3.44), Feature(features, "MagpieData mean Electronegativity"), 12);
        Assert.All(features, f => Assert.True(double.IsFinite(f)));
    }

    [Fact]
    public void Featurize_MissingProperty_PropagatePolicyGivesNaNForThatPropertyOnly()
    {
        var features = new MagpieFeaturizer(MissingValuePolicy.Propagate).Featurize("HeO");

        Assert.True(double.IsNaN(Feature(features, "MagpieData mean Electronegativity")));
        Assert.True(double.IsNaN(Feature(features, "MagpieData mode Electronegativity")));
        Assert.Equal(5, Feature(features, "MagpieData mean Number"), 12);
    }
}
