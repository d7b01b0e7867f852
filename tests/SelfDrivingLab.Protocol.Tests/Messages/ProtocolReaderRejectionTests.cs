using System.Text;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Messages;

/// <summary>Every payload rejection reason, on each inbound message type.</summary>
public sealed class ProtocolReaderRejectionTests
{
    private const string Event = """{"kind":"completed","command_id":"c-1","instrument":"i-1","at":"2025-03-01T12:00:00Z","results":{"x":1.5,"label":"ok"},"protocol":"sdl/v1"}""";

    public static TheoryData<string, string> HostileEvents() => new()
    {
        { string.Empty, RejectReasons.EmptyPayload },
        { Event[..40], RejectReasons.MalformedJson },
        { Event + "}", RejectReasons.MalformedJson },
        { "{\"kind\":\"accepted\" /* hi */}", RejectReasons.MalformedJson },
        { new string('[', 40) + new string(']', 40), RejectReasons.MalformedJson },
        { Event.Replace("1.5", "NaN", StringComparison.Ordinal), RejectReasons.MalformedJson },
        { Event.Replace("1.5", "1e400", StringComparison.Ordinal), RejectReasons.NonFiniteNumber },
        { Event.Replace("1.5", "-1e400", StringComparison.Ordinal), RejectReasons.NonFiniteNumber },
        { Event.Replace("\"ok\"", "\"NaN\"", StringComparison.Ordinal), RejectReasons.NonFiniteNumber },
        { Event.Replace("\"ok\"", "\"Infinity\"", StringComparison.Ordinal), RejectReasons.NonFiniteNumber },
        { Event.Replace("\"c-1\"", "17", StringComparison.Ordinal), RejectReasons.InvalidPayload },
        { Event.Replace("\"completed\"", "\"exploded\"", StringComparison.Ordinal), RejectReasons.InvalidPayload },
        { Event.Replace("\"instrument\":\"i-1\",", string.Empty, StringComparison.Ordinal), RejectReasons.InvalidPayload },
        { Event.Replace(",\"results\":{\"x\":1.5,\"label\":\"ok\"}", string.Empty, StringComparison.Ordinal), RejectReasons.InvalidPayload },
        { Event.Replace("\"c-1\"", "\"bad id with spaces\"", StringComparison.Ordinal), RejectReasons.InvalidPayload },
        { "null", RejectReasons.InvalidPayload },
        { "[1,2,3]", RejectReasons.InvalidPayload },
    };

    [Theory]
    [MemberData(nameof(HostileEvents))]
    public void TryDecodeEvent_HostilePayload_FailsWithItsReason(string payload, string reason)
    {
        var ok = ProtocolReader.TryDecodeEvent(Encoding.UTF8.GetBytes(payload), out var decoded, out var failure);

        Assert.False(ok);
        Assert.Null(decoded);
        Assert.Equal(reason, failure.Reason);
        Assert.False(string.IsNullOrWhiteSpace(failure.Detail));
    }

    [Fact]
    public void TryDecodeEvent_ValidEventWithATextResult_Succeeds()
    {
        Assert.True(ProtocolReader.TryDecodeEvent(Encoding.UTF8.GetBytes(Event), out var decoded, out _));
        Assert.Equal("ok", decoded!.Results!["label"].Text);
    }

    [Fact]
    public void TryDecodeEvent_OversizedPayload_FailsBeforeReadingIt()
    {
        var payload = new byte[ProtocolJson.MaxPayloadBytes + 1];

        Assert.False(ProtocolReader.TryDecodeEvent(payload, out _, out var failure));
        Assert.Equal(RejectReasons.OversizedPayload, failure.Reason);
    }

    [Fact]
    public void TryDecodeEvent_RandomBytes_FailsAsMalformed()
    {
        var random = new Random(5);
        var bytes = new byte[300];
        random.NextBytes(bytes);
        bytes[0] = (byte)'#';

        Assert.False(ProtocolReader.TryDecodeEvent(bytes, out _, out var failure));
        Assert.Equal(RejectReasons.MalformedJson, failure.Reason);
    }

    [Theory]
    [InlineData("""{"instrument":"i-1","state":"sideways","at":null}""", RejectReasons.InvalidPayload)]
    [InlineData("""{"instrument":"i-1","state":"online","at":"yesterday"}""", RejectReasons.InvalidPayload)]
    [InlineData("""{"instrument":"i-1","state":"online""", RejectReasons.MalformedJson)]
    public void TryDecodeAvailability_HostilePayload_FailsWithItsReason(string payload, string reason)
    {
        Assert.False(ProtocolReader.TryDecodeAvailability(Encoding.UTF8.GetBytes(payload), out _, out var failure));
        Assert.Equal(reason, failure.Reason);
    }

    [Theory]
    [InlineData("""{"instrument":"i-1","model":"m","capabilities":[{"name":"a","concurrent":false,"parameters":[{"name":"t","min":1e999,"max":2}],"outputs":[]}]}""", RejectReasons.NonFiniteNumber)]
    [InlineData("""{"instrument":"i-1","model":"m","capabilities":[],"channels":"two"}""", RejectReasons.InvalidPayload)]
    [InlineData("""{"instrument":"i-1","model":"m","capabilities":[],"channels":0}""", RejectReasons.InvalidPayload)]
    public void TryDecodeCapabilities_HostilePayload_FailsWithItsReason(string payload, string reason)
    {
        Assert.False(ProtocolReader.TryDecodeCapabilities(Encoding.UTF8.GetBytes(payload), out _, out var failure));
        Assert.Equal(reason, failure.Reason);
    }
}
