using SelfDrivingLab.Materials.Features;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Tests.Features;

public sealed class CompositeFeaturizerTests
{
    [Fact]
    public void FullMagpie_Has149FeaturesInMatminerOrder()
    {
        var names = CompositeFeaturizer.FullMagpie().FeatureNames;

        Assert.Equal(6 + 132 + 8 + 3, names.Count);
        Assert.Equal("0-norm", names[0]);
        Assert.Equal("MagpieData minimum Number", names[6]);
        Assert.Equal("avg s valence electrons", names[138]);
        Assert.Equal("avg ionic char", names[^1]);
    }

    [Fact]
    public void Featurize_ConcatenatesThePartsInOrder()
    {
        var composition = ChemicalFormula.Parse("Fe2O3");
        var full = CompositeFeaturizer.FullMagpie().Featurize(composition);
        var magpie = new MagpieFeaturizer().Featurize(composition);

        Assert.Equal(magpie, full[6..138]);
        Assert.Equal(2, full[0]);
        Assert.Equal(1, full[^3]);
    }

    [Fact]
    public void Constructor_DuplicateFeatureNames_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CompositeFeaturizer(new StoichiometryFeaturizer(), new StoichiometryFeaturizer()));
    }
}
