using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.Materials.Tests.Formulas;

public sealed class ChemicalFormulaTests
{
    [Theory]
    [InlineData("Fe2O3", "Fe:2,O:3")]
    [InlineData("CsPbI3", "Cs:1,Pb:1,I:3")]
    [InlineData("Ag(AuS)2", "Ag:1,Au:2,S:2")]
    [InlineData("Ag(W3Br7)2", "Ag:1,W:6,Br:14")]
    [InlineData("[Co(NH3)6]Cl3", "Co:1,N:6,H:18,Cl:3")]
    [InlineData("K4[Fe(CN)6]", "K:4,Fe:1,C:6,N:6")]
    [InlineData("Ca(Al(SiO4)2)3", "Ca:1,Al:3,Si:6,O:24")]
    [InlineData("CH3COOH", "C:2,H:4,O:2")]
    [InlineData("  Fe2 O3 ", "Fe:2,O:3")]
    [InlineData("Fe0.62C0.00095Mn0.0005", "Fe:0.62,C:0.00095,Mn:0.0005")]
    [InlineData("Li.5CoO2", "Li:0.5,Co:1,O:2")]
    [InlineData("(Fe)", "Fe:1")]
    public void Parse_ValidFormula_GivesAmounts(string formula, string expected)
    {
        var composition = ChemicalFormula.Parse(formula);

        var expectedPairs = expected.Split(',').Select(p => p.Split(':')).Select(p => (p[0], double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(expectedPairs.Select(p => p.Item1), composition.Elements);
        foreach (var (symbol, amount) in expectedPairs)
        {
            Assert.Equal(amount, composition.Amounts[symbol], 12);
        }
    }

    [Fact]
    public void Parse_Fe2O3_NormalizesFractions()
    {
        var composition = ChemicalFormula.Parse("Fe2O3");

        Assert.Equal(0.4, composition.Fractions["Fe"], 15);
        Assert.Equal(0.6, composition.Fractions["O"], 15);
        Assert.Equal(5, composition.TotalAmount);
        Assert.Equal("Fe2O3", composition.ToString());
    }

    [Fact]
    public void Parse_FractionalAmounts_FractionsSumToOne()
    {
        var composition = ChemicalFormula.Parse("Fe0.62C0.00095Mn0.0005");

        Assert.Equal(1, composition.Fractions.Values.Sum(), 14);
        Assert.Equal(0.62 / 0.62145, composition.Fractions["Fe"], 14);
    }

    [Theory]
    [InlineData("FeXx2", 2, "unknown element 'Xx'")]
    [InlineData("Q", 0, "unknown element 'Q'")]
    [InlineData("Fe2O3)", 5, "unexpected ')'")]
    [InlineData("Ag(AuS2", 7, "missing ')'")]
    [InlineData("[Co(NH3)6)", 9, "closes a group opened with '['")]
    [InlineData("2Fe", 0, "dangling number")]
    [InlineData("Fe(2O)", 3, "dangling number")]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 0, "empty")]
    [InlineData("Fe()", 2, "empty group")]
    [InlineData("Fe0O3", 2, "must be positive (got 0)")]
    [InlineData("Fe0.0", 2, "must be positive (got 0.0)")]
    [InlineData("Fe-1", 2, "negative amount")]
    [InlineData("Fe1.2.3", 2, "'1.2.3' is not a number")]
    [InlineData("fe2O3", 0, "capital letter")]
    [InlineData("Fe$", 2, "unexpected character '$'")]
    public void Parse_BadFormula_ThrowsNamingPositionAndProblem(string formula, int position, string problem)
    {
        var error = Assert.Throws<FormulaException>(() => ChemicalFormula.Parse(formula));

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        Assert.Equal(formula, error.Formula);
    }

    [Fact]
    public void TryParse_BadFormula_ReturnsFalseWithError()
    {
        Assert.False(ChemicalFormula.TryParse("Xx", out var composition, out var error));
        Assert.Null(composition);
        Assert.Contains("unknown element 'Xx'", error.Message, StringComparison.Ordinal);
        Assert.False(ChemicalFormula.TryParse(null, out _));
    }

    [Fact]
    public void TryParse_GoodFormula_ReturnsComposition()
    {
        Assert.True(ChemicalFormula.TryParse("NaCl", out var composition));
        Assert.Equal(0.5, composition.Fractions["Na"]);
    }
}
