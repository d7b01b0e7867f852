using SelfDrivingLab.Materials.Elements;

namespace SelfDrivingLab.Materials.Tests.Elements;

public sealed class ElementTableTests
{
    [Fact]
    public void Default_LoadsEmbeddedTables_WithAllMagpieProperties()
    {
        var table = ElementTable.Default;

        Assert.Equal(112, table.Count);
        Assert.Equal("H", table.Symbol(1));
        Assert.Equal("Fe", table.Symbol(26));
        Assert.True(table.TryGetAtomicNumber("Pb", out var lead));
        Assert.Equal(82, lead);
        Assert.Equal(22, ElementTable.MagpieProperties.Count);
        Assert.Equal(ElementTable.MagpieProperties.Order(), table.PropertyNames.Order());
        Assert.Same(table, ElementTable.Default);
    }

    [Fact]
    public void Value_KnownEntries_MatchSourceTables()
    {
        var table = ElementTable.Default;

        Assert.Equal(55.845, table.Value("AtomicWeight", "Fe"));
        Assert.Equal(3.44, table.Value("Electronegativity", "O"));
        Assert.Equal(229, table.Value("SpaceGroupNumber", "Na"));
    }

    [Fact]
    public void Value_MissingEntry_IsNaN_AndMeanIgnoresIt()
    {
        var table = ElementTable.Default;

        Assert.True(double.IsNaN(table.Value("Electronegativity", "He")));
        var known = Enumerable.Range(1, table.Count).Select(z => table.Value("Electronegativity", table.Symbol(z))).Where(double.IsFinite).ToArray();
        Assert.True(known.Length < table.Count);
        Assert.Equal(known.Average(), table.Mean("Electronegativity"), 12);
    }

    [Fact]
    public void Value_UnknownPropertyOrElement_Throws()
    {
        Assert.Contains("Unknown element property 'Colour'", Assert.Throws<ArgumentException>(() => ElementTable.Default.Value("Colour", "Fe")).Message, StringComparison.Ordinal);
        Assert.Contains("Unknown element 'Xx'", Assert.Throws<ArgumentException>(() => ElementTable.Default.Value("Number", "Xx")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseTable_BadValue_ThrowsNamingTableAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => ElementTable.ParseTable("Number", ["1", "two"], 2));

        Assert.Contains("'Number' line 2", error.Message, StringComparison.Ordinal);
    }
}
