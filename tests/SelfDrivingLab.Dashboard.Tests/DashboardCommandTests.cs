using SelfDrivingLab.Cli;

namespace SelfDrivingLab.Dashboard.Tests;

/// <summary><c>sdl dashboard</c> refuses bad input with one line and exit code 2, never a stack trace.</summary>
public sealed class DashboardCommandTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Dashboard_MissingLedger_OneLineErrorExit2()
    {
        var (code, error) = await RunAsync("--ledger", _dir.File("missing.db"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: ledger '{_dir.File("missing.db")}' does not exist.", error.TrimEnd());
    }

    [Fact]
    public async Task Dashboard_NotALedger_OneLineErrorExit2()
    {
        await File.WriteAllTextAsync(_dir.File("notes.db"), "not a database, just notes\n");

        var (code, error) = await RunAsync("--ledger", _dir.File("notes.db"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("65536")]
    public async Task Dashboard_PortOutOfRange_OneLineErrorExit2(string port)
    {
        await using var ledger = await TestLedger.CreateAsync();

        var (code, error) = await RunAsync("--ledger", ledger.Path, "--port", port);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"error: port {port} is not between 0 and 65535", error.TrimEnd());
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SdlCommandLine.RunAsync(["dashboard", .. arguments], output, error).WaitAsync(TimeSpan.FromSeconds(30));
        return (code, error.ToString());
    }
}
