using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Tests.Formulas;

public sealed class CompositionFromAmountsTests
{
    [Fact]
    public void FromAmounts_KeepsOrderAndNormalizes()
    {
        var composition = Composition.FromAmounts([new("Li", 1), new("Fe", 1), new("P", 1), new("O", 4)]);

        Assert.Equal("LiFePO4", composition.ToString());
        Assert.Equal(4.0 / 7, composition.Fractions["O"], 12);
    }

    [Theory]
    [InlineData("Xx", 1)]
    [InlineData("Fe", 0)]
    [InlineData("Fe", double.NaN)]
    public void FromAmounts_BadElementOrAmount_Throws(string symbol, double amount)
    {
        Assert.Throws<ArgumentException>(() => Composition.FromAmounts([new(symbol, amount)]));
    }
}
