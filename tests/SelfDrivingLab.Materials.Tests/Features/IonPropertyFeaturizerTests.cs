using SelfDrivingLab.Materials.Features;

namespace SelfDrivingLab.Materials.Tests.Features;

public sealed class IonPropertyFeaturizerTests
{
    private static double[] Featurize(string formula) => Featurizers.Apply(new IonPropertyFeaturizer(), formula);

    private static double IonicCharacter(double chiA, double chiB) => 1 - Math.Exp(-0.25 * (chiA - chiB) * (chiA - chiB));

    [Fact]
    public void Featurize_Fe2O3_IsNeutralWithPaulingIonicCharacter()
    {
        // Fe3+ and O2-: 2·3 + 3·(−2) = 0. Pauling χ: Fe 1.83, O 3.44; fractions 0.4 and 0.6.
        var features = Featurize("Fe2O3");

        Assert.Equal(1, features[0]);
        Assert.Equal(IonicCharacter(1.83, 3.44), features[1], 12);
        Assert.Equal(0.4 * 0.6 * IonicCharacter(1.83, 3.44), features[2], 12);
    }

    [Fact]
    public void Featurize_NaCl_IsNeutralWithPaulingIonicCharacter()
    {
        var features = Featurize("NaCl");

        Assert.Equal(1, features[0]);
        Assert.Equal(IonicCharacter(0.93, 3.16), features[1], 12);
        Assert.Equal(0.25 * IonicCharacter(0.93, 3.16), features[2], 12);
    }

    [Fact]
    public void Featurize_NaCl2_CannotBeNeutral()
    {
        Assert.Equal(0, Featurize("NaCl2")[0]);
    }

    [Fact]
    public void Featurize_SingleElement_HasNoIonicCharacter()
    {
        var features = Featurize("Cu");

        Assert.Equal(0, features[1]);
        Assert.Equal(0, features[2]);
    }

    [Fact]
    public void Featurize_ThreeElements_MaxIsOverAllPairs()
    {
        // Li 0.98, Fe 1.83, O 3.44: the widest pair is Li–O.
        var features = Featurize("LiFeO2");

        Assert.Equal(IonicCharacter(0.98, 3.44), features[1], 12);
        var expected = (0.25 * 0.25 * IonicCharacter(0.98, 1.83)) + (0.25 * 0.5 * IonicCharacter(0.98, 3.44)) + (0.25 * 0.5 * IonicCharacter(1.83, 3.44));
        Assert.Equal(expected, features[2], 12);
    }
}
