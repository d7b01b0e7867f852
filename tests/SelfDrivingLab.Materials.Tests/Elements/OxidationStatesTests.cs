using SelfDrivingLab.Materials.Elements;
using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Tests.Elements;

public sealed class OxidationStatesTests
{
    [Theory]
    [InlineData("Fe2O3", true)]
    [InlineData("FeO", true)]
    [InlineData("Fe3O4", false)]
    [InlineData("LiFePO4", true)]
    [InlineData("NaCl2", false)]
    [InlineData("Cu", false)]
    [InlineData("ArO", false)]
    [InlineData("Li0.5Fe0.5O", true)]
    public void CanBeChargeNeutral_UsesOneCommonStatePerElement(string formula, bool expected)
    {
        // Fe3O4 needs mixed Fe2+/Fe3+, which one state per element cannot give; Cu's common state is +2; Ar has none;
        // fractional amounts count as written (Li+ 0.5 + Fe3+ 0.5 = O2-).
        Assert.Equal(expected, OxidationStates.Default.CanBeChargeNeutral(ChemicalFormula.Parse(formula)));
    }

    [Fact]
    public void Of_ListsPymatgenCommonStates()
    {
        Assert.Equal([2, 3], OxidationStates.Default.Of("Fe"));
        Assert.Equal([-3, 3, 5], OxidationStates.Default.Of("P"));
        Assert.Empty(OxidationStates.Default.Of("He"));
    }

    [Fact]
    public void Parse_SkipsCommentsAndReadsSignedStates()
    {
        var table = OxidationStates.Parse(["# comment", "X -2 +4", ""]);

        Assert.Equal([-2, 4], table.Of("X"));
    }
}
