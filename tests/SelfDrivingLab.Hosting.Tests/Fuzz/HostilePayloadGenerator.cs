using System.Text;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Bus;
using SelfDrivingLab.Protocol.Client;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Hosting.Tests.Fuzz;

/// <summary>One generated hostile message and the reject reason it must get (null: a replay, see <see cref="HostilePayloadGenerator.ReplayReasons"/>).</summary>
internal sealed record HostilePayload(OutboundMessage Message, string? ExpectedReason);

/// <summary>
/// Seeded hostile payloads for every inbound topic of the orchestrator, built by mutating real
/// traffic (events the spy saw, the instruments' own availability and capabilities). Each mutation
/// is chosen so that its reject reason is known in advance, except replays of real events and late
/// finals, whose reason (duplicate, out of order) depends on timing. Not thread-safe.
/// </summary>
internal sealed class HostilePayloadGenerator(SiteId site, IReadOnlyList<InstrumentId> instruments, int seed)
{
    /// <summary>The reasons a replayed or late event can get, depending on when it arrives.</summary>
    public static readonly string[] ReplayReasons = [RejectReasons.DuplicateFinal, RejectReasons.DuplicateEvent, RejectReasons.OutOfOrder, RejectReasons.LateEvent];

    private const string At = "2026-01-01T00:00:00Z";
    private static readonly InstrumentId Stranger = new("fuzz-stranger");
    private readonly Random _random = new(seed);
    private int _serial;

    /// <summary>Real events seen so far (JSON as published by the instruments), oldest first.</summary>
    public List<(InstrumentEvent Event, string Json)> RealEvents { get; } = [];

    /// <summary>Command ids of experiments that have finished: their final events are certainly applied.</summary>
    public HashSet<string> FinishedExperiments { get; } = new(StringComparer.Ordinal);

    public HostilePayload Next() => _random.Next(24) switch
    {
        0 => Event(Encoding.UTF8.GetBytes(Truncate(RealEventJson())), RejectReasons.MalformedJson),
        1 => Event(RandomBytes(), RejectReasons.MalformedJson),
        2 => Event($$"""{"kind":"progress","command_id":"{{KnownCommand()}}","instrument":"{{Real()}}","at":"{{At}}","progress":NaN}""", RejectReasons.MalformedJson),
        3 => Event($$$"""{"kind":"progress","command_id":"{{{KnownCommand()}}}","instrument":"{{{Real()}}}","at":"{{{At}}}","progress":{{{Pick("1e999", "-1e999", "1e400")}}}}""", RejectReasons.NonFiniteNumber),
        4 => Event($$$"""{"kind":"completed","command_id":"{{{KnownCommand()}}}","instrument":"{{{Real()}}}","at":"{{{At}}}","results":{"toughness":{{{Pick("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-1e400", "\"1e999\"")}}}}}""", RejectReasons.NonFiniteNumber),
        5 => Event(SwapType(RealEventJson()), RejectReasons.InvalidPayload),
        6 => Event(DropField(RealEventJson()), RejectReasons.InvalidPayload),
        7 => Event($$"""{"kind":"{{Pick("exploded", "COMPLETED", "")}}","command_id":"{{KnownCommand()}}","instrument":"{{Real()}}","at":"{{At}}"}""", RejectReasons.InvalidPayload),
        8 => Event($$"""{"kind":"accepted","command_id":"{{KnownCommand()}}","instrument":"{{Real()}}","at":"{{At}}","message":"{{new string('x', ProtocolJson.MaxPayloadBytes + _random.Next(1, 5000))}}"}""", RejectReasons.OversizedPayload),
        9 => Mismatch(),
        10 => WrongInstrument(),
        11 => Valid(Forged(new CommandId($"fuzz-{++_serial}-s1")) with { Message = new string('m', _random.Next(0, 30_000)) }, RejectReasons.UnknownCommand),
        12 => Valid(Forged(new CommandId($"exp-{_random.Next(100_000)}-missing-s2"), InstrumentEventKind.Unknown), RejectReasons.UnknownCommand),
        13 => Event([], RejectReasons.EmptyPayload),
        14 => new(new OutboundMessage($"{InstrumentTopics.Root}/{site}/bad~instrument/event", ProtocolJson.Serialize(Forged(KnownCommand()))), RejectReasons.BadTopic),
        15 or 16 => Replay(),
        17 => LateFinal(),
        18 => Event(new string('[', 20 + _random.Next(40)) + new string(']', 20), RejectReasons.MalformedJson),
        19 => new(new OutboundMessage(new InstrumentTopics(site, Stranger).Event, Encoding.UTF8.GetBytes(Truncate(RealEventJson())), Retain: true), RejectReasons.MalformedJson),
        20 => Availability(),
        21 or 22 => Capabilities(),
        _ => Event($$$"""{"kind":"completed","command_id":{{{Pick("17", "null", "[]", "{}")}}},"instrument":"{{{Real()}}}","at":"{{{At}}}","results":{}}""", RejectReasons.InvalidPayload),
    };

    private HostilePayload Availability()
    {
        var real = Real();
        var topic = new InstrumentTopics(site, real).Availability;
        var json = Encoding.UTF8.GetString(ProtocolJson.Serialize(new InstrumentAvailability(real, AvailabilityState.Online, DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture))));
        return _random.Next(6) switch
        {
            0 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(Truncate(json))), RejectReasons.MalformedJson),
            1 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(json.Replace("\"online\"", Pick("5", "true", "\"sideways\""), StringComparison.Ordinal))), RejectReasons.InvalidPayload),
            2 => new(new OutboundMessage(topic, ProtocolJson.Serialize(new InstrumentAvailability(Other(real), AvailabilityState.Offline, null))), RejectReasons.InstrumentMismatch),
            3 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(json.Replace("\"sdl/v1\"", "\"sdl/v9\"", StringComparison.Ordinal))), RejectReasons.InvalidPayload),
            4 => new(new OutboundMessage(new InstrumentTopics(site, Stranger).Availability, RandomBytes(), Retain: true), RejectReasons.MalformedJson),
            _ => new(new OutboundMessage(topic, RandomBytes()), RejectReasons.MalformedJson),
        };
    }

    private HostilePayload Capabilities()
    {
        var real = Real();
        var topic = new InstrumentTopics(site, real).Capabilities;
        string Caps(string channels, string min) =>
            $$"""{"instrument":"{{real}}","model":"fuzz","capabilities":[{"name":"print","idempotent":false,"parameters":[{"name":"t","min":{{min}},"max":2}],"outputs":[]}],"channels":{{channels}}}""";
        return _random.Next(6) switch
        {
            0 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(Truncate(Caps("1", "1")))), RejectReasons.MalformedJson),
            1 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(Caps(Pick("0", "-3"), "1"))), RejectReasons.InvalidPayload),
            2 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(Caps("\"two\"", "1"))), RejectReasons.InvalidPayload),
            3 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(Caps("1", Pick("1e999", "-1e400")))), RejectReasons.NonFiniteNumber),
            4 => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(Caps("1", "1").Replace($"\"{real}\"", $"\"{Other(real)}\"", StringComparison.Ordinal))), RejectReasons.InstrumentMismatch),
            _ => new(new OutboundMessage(topic, Encoding.UTF8.GetBytes(Caps("1", "1").Replace("\"fuzz\"", $"\"{new string('z', ProtocolJson.MaxPayloadBytes)}\"", StringComparison.Ordinal))), RejectReasons.OversizedPayload),
        };
    }

    // A payload naming another instrument than its topic.
    private HostilePayload Mismatch()
    {
        var topic = Real();
        return Event(ProtocolJson.Serialize(Forged(KnownCommand()) with { Instrument = Other(topic) }), RejectReasons.InstrumentMismatch, topicInstrument: topic);
    }

    // The real instrument's topic and id, but a command sent to another instrument (or a stranger's topic).
    private HostilePayload WrongInstrument()
    {
        if (RealEvents.Count == 0)
        {
            return Valid(Forged(new CommandId($"fuzz-{++_serial}-s1")), RejectReasons.UnknownCommand);
        }

        var (real, _) = RealEvents[_random.Next(RealEvents.Count)];
        var impostor = _random.Next(2) == 0 ? Other(real.Instrument) : Stranger;
        var forged = real with { Instrument = impostor, Kind = InstrumentEventKind.Completed, Results = new ParameterSet([new("toughness", 1e6)]), Error = null };
        return new(new OutboundMessage(new InstrumentTopics(site, impostor).Event, ProtocolJson.Serialize(forged)), RejectReasons.WrongInstrument);
    }

    // A real event again, byte for byte: a duplicate (or out of order) whatever the timing.
    private HostilePayload Replay() =>
        RealEvents.Count == 0
            ? Event(RandomBytes(), RejectReasons.MalformedJson)
            : ReplayOf(RealEvents[_random.Next(RealEvents.Count)]);

    private HostilePayload ReplayOf((InstrumentEvent Event, string Json) real) =>
        new(new OutboundMessage(new InstrumentTopics(site, real.Event.Instrument).Event, Encoding.UTF8.GetBytes(real.Json)), null);

    // A different final for a command of a finished experiment: its real final is certainly applied.
    private HostilePayload LateFinal()
    {
        var finished = RealEvents.Where(r => r.Event.IsFinal && FinishedExperiments.Any(e => r.Event.CommandId.Value.StartsWith(e + "-s", StringComparison.Ordinal))).ToList();
        if (finished.Count == 0)
        {
            return Replay();
        }

        var (real, _) = finished[_random.Next(finished.Count)];
        var late = _random.Next(2) == 0
            ? real with { Kind = InstrumentEventKind.Completed, Results = new ParameterSet([new("toughness", 123_456.0), new("sample_id", "forged")]), Error = null }
            : real with { Kind = InstrumentEventKind.Failed, Results = null, Error = "late_failure" };
        return new(new OutboundMessage(new InstrumentTopics(site, real.Instrument).Event, ProtocolJson.Serialize(late)), null);
    }

    // A well-formed event on its own instrument's topic: only the command id can be wrong.
    private HostilePayload Valid(InstrumentEvent forged, string reason) =>
        new(new OutboundMessage(new InstrumentTopics(site, forged.Instrument).Event, ProtocolJson.Serialize(forged)), reason);

    private HostilePayload Event(string json, string reason) => Event(Encoding.UTF8.GetBytes(json), reason);

    private HostilePayload Event(byte[] payload, string reason, InstrumentId? topicInstrument = null) =>
        new(new OutboundMessage(new InstrumentTopics(site, topicInstrument ?? Real()).Event, payload), reason);

    private InstrumentEvent Forged(CommandId id, InstrumentEventKind kind = InstrumentEventKind.Accepted) =>
        new(kind, id, Real(), DateTimeOffset.Parse(At, System.Globalization.CultureInfo.InvariantCulture), Message: "fuzz");

    private string RealEventJson() =>
        RealEvents.Count == 0
            ? Encoding.UTF8.GetString(ProtocolJson.Serialize(Forged(new CommandId("fuzz-template-s1"))))
            : RealEvents[_random.Next(RealEvents.Count)].Json;

    private CommandId KnownCommand() => RealEvents.Count == 0 ? new CommandId("fuzz-template-s1") : RealEvents[_random.Next(RealEvents.Count)].Event.CommandId;

    private InstrumentId Real() => instruments[_random.Next(instruments.Count)];

    private InstrumentId Other(InstrumentId instrument) => instruments.FirstOrDefault(i => i != instrument, Stranger);

    private string Pick(params string[] options) => options[_random.Next(options.Length)];

    // Any proper prefix of a JSON object is malformed.
    private string Truncate(string json) => json[.._random.Next(1, json.Length)];

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 2_000)];
        _random.NextBytes(bytes);
        bytes[0] = (byte)'#';
        return bytes;
    }

    // Every field of an event is a string; a number, boolean or array in its place is a wrong type.
    private string SwapType(string json)
    {
        var field = Pick("kind", "command_id", "instrument", "at");
        var start = json.IndexOf($"\"{field}\":\"", StringComparison.Ordinal) + field.Length + 3;
        var end = json.IndexOf('"', start + 1);
        return json[..start] + Pick("42", "true", "[1]", "{\"a\":1}", "-0.5") + json[(end + 1)..];
    }

    private string DropField(string json)
    {
        var field = Pick("kind", "command_id", "instrument", "at");
        var start = json.IndexOf($"\"{field}\":\"", StringComparison.Ordinal);
        var end = json.IndexOf('"', start + field.Length + 4) + 1;
        var withoutValue = json[..start] + json[end..];
        return withoutValue.Replace("{,", "{", StringComparison.Ordinal).Replace(",,", ",", StringComparison.Ordinal).Replace(",}", "}", StringComparison.Ordinal);
    }
}
