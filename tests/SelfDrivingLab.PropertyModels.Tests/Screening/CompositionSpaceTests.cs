using SelfDrivingLab.PropertyModels.Screening;

namespace SelfDrivingLab.PropertyModels.Tests.Screening;

public sealed class CompositionSpaceTests
{
    private static string[] Formulas(CompositionSpace space) => [.. space.Enumerate().Select(c => c.ToString()).Order(StringComparer.Ordinal)];

    [Fact]
    public void Enumerate_MaxAtoms_GivesEachReducedFormulaOnce()
    {
        var space = new CompositionSpace { Elements = ["Li", "O"], MaxAtoms = 3 };

        Assert.Equal(["Li", "Li2O", "LiO", "LiO2", "O"], Formulas(space));
    }

    [Fact]
    public void Enumerate_Grid_GivesEveryGridPoint()
    {
        var space = new CompositionSpace { Elements = ["Li", "Fe", "O"], GridStep = 0.5 };

        Assert.Equal(["Fe", "FeO", "Li", "LiFe", "LiO", "O"], Formulas(space));
    }

    [Fact]
    public void Enumerate_ChargeNeutral_KeepsOnlyBalancedFormulas()
    {
        var space = new CompositionSpace { Elements = ["Li", "O"], MaxAtoms = 3, ChargeNeutral = true };

        Assert.Equal(["Li2O"], Formulas(space));
    }

    [Fact]
    public void Enumerate_Count_MatchesTheStarsAndBarsFormula()
    {
        // Amount vectors of 3 elements with 1 ≤ Σ ≤ 6: C(9, 3) − 1 = 83; minus those with a common divisor.
        var space = new CompositionSpace { Elements = ["Na", "Cl", "O"], MaxAtoms = 6 };
        var all = Enumerable.Range(0, 7).SelectMany(a => Enumerable.Range(0, 7).SelectMany(b => Enumerable.Range(0, 7).Select(c => (a, b, c))))
            .Where(v => v.a + v.b + v.c is >= 1 and <= 6)
            .Count(v => Gcd(Gcd(v.a, v.b), v.c) == 1);

        Assert.Equal(83, Enumerable.Range(0, 7).Sum(a => Enumerable.Range(0, 7).Sum(b => Enumerable.Range(0, 7).Count(c => a + b + c is >= 1 and <= 6))));
        Assert.Equal(all, space.Enumerate().Count());
    }

    [Theory]
    [InlineData("Li,Xx", 3, null, "'Xx'")]
    [InlineData("Li,Li", 3, null, "once")]
    [InlineData("Li,O", null, null, "exactly one")]
    [InlineData("Li,O", 3, 0.5, "exactly one")]
    [InlineData("Li,O", null, 0.3, "--grid")]
    public void Validate_BadSpace_ExplainsTheProblem(string elements, int? maxAtoms, double? grid, string expected)
    {
        var space = new CompositionSpace { Elements = elements.Split(','), MaxAtoms = maxAtoms, GridStep = grid };

        var error = Assert.Throws<ArgumentException>(space.Validate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
