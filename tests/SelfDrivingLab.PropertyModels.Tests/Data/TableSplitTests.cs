using SelfDrivingLab.Materials.Formulas;
using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.PropertyModels.Tests.Data;

public sealed class TableSplitTests
{
    private static readonly string[] Formulas =
        ["Fe2O3", "Fe3O4", "FeO", "NaCl", "KCl", "LiFePO4", "LiCoO2", "GaAs", "InP", "ZnO", "TiO2", "SrTiO3", "BaTiO3", "Si", "Ge", "CdTe"];

    [Fact]
    public void InFirstHalf_SameCompositionWrittenTwoWays_LandsInTheSameHalf()
    {
        var a = ChemicalFormula.Parse("Fe2O3");
        var b = ChemicalFormula.Parse("O3Fe2");

        Assert.All(Enumerable.Range(0, 20), seed => Assert.Equal(TableSplit.InFirstHalf(a, SplitKey.Formula, seed), TableSplit.InFirstHalf(b, SplitKey.Formula, seed)));
    }

    [Fact]
    public void InFirstHalf_BySystem_KeepsEveryChemicalSystemInOneHalf()
    {
        var compositions = Formulas.Select(ChemicalFormula.Parse).ToList();

        foreach (var system in compositions.GroupBy(c => TableSplit.KeyOf(c, SplitKey.System)))
        {
            Assert.Single(system.Select(c => TableSplit.InFirstHalf(c, SplitKey.System, 3)).Distinct());
        }

        Assert.Equal("Fe-O", TableSplit.KeyOf(ChemicalFormula.Parse("Fe3O4"), SplitKey.System));
    }

    [Fact]
    public void InFirstHalf_IsReproducibleAndTheSeedChangesTheSplit()
    {
        var compositions = Formulas.Select(ChemicalFormula.Parse).ToList();

        var first = compositions.Select(c => TableSplit.InFirstHalf(c, SplitKey.Formula, 0)).ToList();
        var again = compositions.Select(c => TableSplit.InFirstHalf(c, SplitKey.Formula, 0)).ToList();
        var other = compositions.Select(c => TableSplit.InFirstHalf(c, SplitKey.Formula, 1)).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }
}
