using System.Text.Json;

namespace SelfDrivingLab.Cli.Tests;

/// <summary><c>sdl bench orchestration</c> runs its campaigns to the end on the secured embedded broker, with and without TLS.</summary>
public sealed class BenchOrchestrationTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BenchOrchestration_SmallRun_CompletesAndReportsEveryFigure(bool noTls)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        string[] arguments = ["bench", "orchestration", "--instruments", "4", "--steps", "20", "--sequential", "5", "--round-trips", "20", "--json", _dir.File("bench.json")];

        var exit = await SdlCommandLine.RunAsync(noTls ? [.. arguments, "--no-tls"] : arguments, output, error).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains(noTls ? "plain TCP" : "TLS", output.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(_dir.File("bench.json")));
        var root = json.RootElement;
        Assert.Equal(!noTls, root.GetProperty("tls").GetBoolean());
        Assert.True(root.GetProperty("steps_per_s").GetDouble() > 0);
        Assert.True(root.GetProperty("step_latency_s").GetDouble() > 0);
        Assert.True(root.GetProperty("ledger_commits_per_step").GetDouble() >= 1);
    }
}
