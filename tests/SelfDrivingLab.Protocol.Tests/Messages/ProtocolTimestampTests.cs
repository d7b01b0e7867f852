using System.Diagnostics;
using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Messages;

public sealed class ProtocolTimestampTests
{
    // 18:31:56.2228771 in a +02:00 zone: seven fractional digits, not UTC.
    private static readonly DateTimeOffset Issued = new DateTimeOffset(2025, 3, 1, 20, 31, 56, TimeSpan.FromHours(2)).AddTicks(2_228_771);

    [Fact]
    public void Serialize_SevenFractionalDigitsInAnotherZone_WritesUtcWithExactlyMilliseconds()
    {
        var json = Encoding.UTF8.GetString(ProtocolJson.Serialize(Command()));

        Assert.Contains("\"issued_at\":\"2025-03-01T18:31:56.222+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"deadline\":\"2025-03-01T18:46:56.222+00:00\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WholeSecond_StillWritesThreeFractionalDigits()
    {
        var availability = new InstrumentAvailability(new InstrumentId("i-1"), AvailabilityState.Online, new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Contains("\"at\":\"2025-03-01T12:00:00.000+00:00\"", Encoding.UTF8.GetString(ProtocolJson.Serialize(availability)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-01T12:00:00Z")]
    [InlineData("2025-03-01T12:00:00+00:00")]
    [InlineData("2025-03-01T14:00:00.123456+02:00")]
    [InlineData("2025-03-01T12:00:00.1234567+00:00")]
    public void TryReadEvent_AnyIso8601WithAnOffset_Accepted(string at)
    {
        var json = $$"""{"kind":"accepted","command_id":"c-1","instrument":"i-1","at":"{{at}}","protocol":"sdl/v1"}""";

        Assert.True(ProtocolReader.TryReadEvent(Encoding.UTF8.GetBytes(json), out var e, out var error), error);
        Assert.Equal(new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc), e!.At.UtcDateTime.AddTicks(-(e.At.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));
    }

    [RequiresCommandsFact("python3")]
    public async Task Serialize_Command_PythonStrptimeAndFromisoformatReadItsTimestamps()
    {
        var json = Encoding.UTF8.GetString(ProtocolJson.Serialize(Command()));
        const string Script = """
            import datetime, json, sys
            c = json.loads(sys.stdin.read())
            for key in ("issued_at", "deadline"):
                a = datetime.datetime.strptime(c[key], "%Y-%m-%dT%H:%M:%S.%f%z")
                b = datetime.datetime.fromisoformat(c[key])
                assert a == b, (a, b)
                print(a.isoformat())
            """;
        using var python = Process.Start(new ProcessStartInfo("python3", ["-c", Script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true })!;
        await python.StandardInput.WriteAsync(json);
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var errors = await python.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(python.ExitCode == 0, errors);
        Assert.Equal("2025-03-01T18:31:56.222000+00:00\n2025-03-01T18:46:56.222000+00:00\n", output);
    }

    private static InstrumentCommand Command() => new(
        CommandType.Execute, new CommandId("c-1"), "anneal", new ParameterSet([new("t", 1.0)]), Issued, Issued + TimeSpan.FromMinutes(15));
}
