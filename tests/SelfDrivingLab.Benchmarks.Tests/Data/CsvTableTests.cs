using SelfDrivingLab.Benchmarks.Data;

namespace SelfDrivingLab.Benchmarks.Tests.Data;

public sealed class CsvTableTests
{
    [Fact]
    public void Parse_QuotedFieldsCrLfAndBlankLines_SplitsCorrectly()
    {
        var table = CsvTable.Parse("\uFEFFa,\"b, with comma\",c\r\n1,\"say \"\"hi\"\"\",3\r\n\r\n4,\"two\nlines\",6\n", "test");

        Assert.Equal(["a", "b, with comma", "c"], table.Header);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("say \"hi\"", table.Rows[0][1]);
        Assert.Equal("two\nlines", table.Rows[1][1]);
    }

    [Fact]
    public void Parse_RaggedRow_ThrowsNamingRow()
    {
        var error = Assert.Throws<BenchmarkDataException>(() => CsvTable.Parse("a,b\n1,2\n3\n", "t.csv"));

        Assert.Contains("'t.csv': line 3 has 1 fields; the header has 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuotedFieldOverTwoLines_NamesTheLineEachRowStartsOnInErrors()
    {
        var error = Assert.Throws<BenchmarkDataException>(() => CsvTable.Parse("a,b\n\"x\ny\",2\n1\n", "t.csv"));

        Assert.Contains("line 4 has 1 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2 has an unterminated", Assert.Throws<BenchmarkDataException>(() => CsvTable.Parse("a,b\n\"open,2\n", "t.csv")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderOnly_Throws()
    {
        Assert.Contains("no data rows", Assert.Throws<BenchmarkDataException>(() => CsvTable.Parse("a,b\n", "t.csv")).Message, StringComparison.Ordinal);
    }
}
