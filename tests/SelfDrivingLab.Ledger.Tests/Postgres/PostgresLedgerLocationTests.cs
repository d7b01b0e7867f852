using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Ledger.Postgres;

namespace SelfDrivingLab.Ledger.Tests.Postgres;

/// <summary>Reading <c>--ledger postgres://…</c> and <c>Ledger:ConnectionString</c> (no server needed).</summary>
public sealed class PostgresLedgerLocationTests
{
    [Fact]
    public void Parse_UriWithPasswordAndSchema_ShowsNeitherPasswordNorDefaults()
    {
        var location = PostgresLedgerLocation.Parse("postgres://sdl:s%40cret@db.lab:5433/facility?schema=site_a");

        Assert.Equal("postgres://sdl@db.lab:5433/facility?schema=site_a", location.ToString());
        Assert.Equal("site_a", location.Schema);
        Assert.Contains("Password=s@cret", location.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConnectionStringWithoutPassword_TakesTheGivenOne()
    {
        var location = PostgresLedgerLocation.Parse("Host=127.0.0.1;Database=lab;Username=sdl", password: "from-env");

        Assert.Equal("postgres://sdl@127.0.0.1/lab", location.ToString());
        Assert.Contains("Password=from-env", location.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SamePasswordInTextAndGiven_TextWins()
    {
        var location = PostgresLedgerLocation.Parse("postgres://sdl:inline@h/lab", password: "other");

        Assert.Contains("Password=inline", location.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://sdl@host", "names no database")]
    [InlineData("postgres://sdl@host/lab?colour=blue", "unknown parameter 'colour'")]
    [InlineData("postgres://sdl@host/lab?schema=Lab-A", "'Lab-A' is not a schema name")]
    [InlineData("Host=h;Database=lab;Frobnicate=secret", "is not valid")]
    [InlineData("Database=lab", "names no host")]
    [InlineData(" ", "is empty")]
    public void Parse_Mistakes_ThrowOneLineNamingTheMistake(string text, string expected)
    {
        var ex = Assert.Throws<LedgerException>(() => PostgresLedgerLocation.Parse(text));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://h/db", true)]
    [InlineData("POSTGRESQL://h/db", true)]
    [InlineData(".sdl/ledger.db", false)]
    [InlineData(null, false)]
    public void IsPostgresUri_Text_TellsUrisFromFiles(string? text, bool expected) =>
        Assert.Equal(expected, PostgresLedgerLocation.IsPostgresUri(text));
}
