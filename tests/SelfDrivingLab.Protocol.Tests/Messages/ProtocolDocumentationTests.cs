using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Protocol.Tests.Messages;

/// <summary>Every JSON example and schema in docs/protocol.md matches the reference serializer and reader.</summary>
public sealed partial class ProtocolDocumentationTests
{
    private static readonly Lazy<IReadOnlyList<DocBlock>> Blocks = new(ReadBlocks);

    public static TheoryData<int> ValidExamples() => Indexes(b => b.Kind == "example" && !b.Invalid);

    public static TheoryData<int> InvalidExamples() => Indexes(b => b.Kind == "example" && b.Invalid);

    [Fact]
    public void ProtocolDoc_HasExamplesAndSchemasForEveryPayload()
    {
        foreach (var type in new[] { "command", "event", "availability", "capabilities" })
        {
            Assert.Contains(Blocks.Value, b => b.Kind == "example" && b.Type == type && !b.Invalid);
            Assert.Single(Blocks.Value, b => b.Kind == "schema" && b.Type == type);
        }
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Example_Valid_IsAcceptedAndIsExactlyWhatTheSerializerWrites(int index)
    {
        var block = Blocks.Value[index];

        var (ok, error, reserialized) = Read(block.Type, block.Json);

        Assert.True(ok, $"{block.Type} example rejected: {error}\n{block.Json}");
        Assert.Equal(Minify(block.Json), reserialized);
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Example_Invalid_IsRefusedByTheReader(int index)
    {
        var block = Blocks.Value[index];

        Assert.False(Read(block.Type, block.Json).Ok);
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Schema_ForExample_ListsItsPropertiesAndEveryPropertyTheReaderRequires(int index)
    {
        var block = Blocks.Value[index];
        var schema = JsonNode.Parse(Blocks.Value.Single(b => b.Kind == "schema" && b.Type == block.Type).Json)!.AsObject();
        var properties = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        var required = schema["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToHashSet();
        var example = JsonNode.Parse(block.Json)!.AsObject();

        Assert.Subset(properties, example.Select(p => p.Key).ToHashSet());
        Assert.Subset(example.Select(p => p.Key).ToHashSet(), required);
        foreach (var (name, _) in example)
        {
            var without = JsonNode.Parse(block.Json)!.AsObject();
            without.Remove(name);
            var (ok, error, _) = Read(block.Type, without.ToJsonString());
            if (!ok && error.Contains("missing required properties", StringComparison.Ordinal))
            {
                Assert.Contains(name, required);
            }
        }
    }

    private static (bool Ok, string Error, string Reserialized) Read(string type, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        return type switch
        {
            "command" => ProtocolReader.TryReadCommand(bytes, out var c, out var e) ? (true, e, Text(ProtocolJson.Serialize(c))) : (false, e, ""),
            "event" => ProtocolReader.TryReadEvent(bytes, out var ev, out var e) ? (true, e, Text(ProtocolJson.Serialize(ev))) : (false, e, ""),
            "availability" => ProtocolReader.TryReadAvailability(bytes, out var a, out var e) ? (true, e, Text(ProtocolJson.Serialize(a))) : (false, e, ""),
            "capabilities" => ProtocolReader.TryReadCapabilities(bytes, out var k, out var e) ? (true, e, Text(ProtocolJson.Serialize(k))) : (false, e, ""),
            _ => throw new InvalidOperationException($"Unknown example type '{type}' in docs/protocol.md."),
        };
    }

    private static string Text(byte[] utf8) => Minify(Encoding.UTF8.GetString(utf8));

    // Parsing and rewriting with one encoder makes escaping (e.g. of non-ASCII) comparable.
    private static string Minify(string json) => JsonNode.Parse(json)!.ToJsonString(ProtocolJson.Options);

    private static TheoryData<int> Indexes(Func<DocBlock, bool> select)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Blocks.Value.Count; i++)
        {
            if (select(Blocks.Value[i]))
            {
                data.Add(i);
            }
        }

        return data;
    }

    private static List<DocBlock> ReadBlocks()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "protocol.md"));
        return [.. BlockPattern().Matches(text).Select(m => new DocBlock(
            m.Groups["kind"].Value,
            m.Groups["type"].Value,
            m.Groups["invalid"].Success,
            m.Groups["json"].Value))];
    }

    [GeneratedRegex(@"<!-- (?<kind>example|schema): (?<type>[a-z]+)(?<invalid> invalid)? -->\s*```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    private sealed record DocBlock(string Kind, string Type, bool Invalid, string Json);
}
