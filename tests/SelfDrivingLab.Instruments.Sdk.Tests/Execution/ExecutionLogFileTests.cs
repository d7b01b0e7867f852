using System.Text.Json;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Execution;

public sealed class ExecutionLogFileTests
{
    [Fact]
    public async Task RecordAsync_TwoRecords_WritesOneSnakeCaseJsonLineEach()
    {
        var path = Path.Combine(Path.GetTempPath(), "sdl-sdk-tests", Guid.NewGuid().ToString("N"), "log.jsonl");
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var record = new ExecutionRecord(new InstrumentId("furnace1"), new CommandId("c1"), "anneal", new ParameterSet([new("temperature", 450.0)]), start, start.AddMinutes(5), InstrumentEventKind.Completed);
        using (var log = new ExecutionLogFile(path))
        {
            await log.RecordAsync(record);
            await log.RecordAsync(record with { CommandId = new CommandId("c2"), Outcome = InstrumentEventKind.Failed, Error = "driver_error" });
        }

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("furnace1", first.RootElement.GetProperty("instrument").GetString());
        Assert.Equal("c1", first.RootElement.GetProperty("command_id").GetString());
        Assert.Equal(450, first.RootElement.GetProperty("parameters").GetProperty("temperature").GetDouble());
        Assert.Equal("completed", first.RootElement.GetProperty("outcome").GetString());
        Assert.True(first.RootElement.TryGetProperty("started_at", out _));
        Assert.True(first.RootElement.TryGetProperty("finished_at", out _));
        var read = await ExecutionLogFile.ReadAllAsync(path);
        Assert.Equal(record, read[0] with { Parameters = record.Parameters });
        Assert.Equal("driver_error", read[1].Error);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
