using System.Globalization;
using System.Text.RegularExpressions;
using SelfDrivingLab.Campaigns.Definitions;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// A campaign file seen as the source of its definition: finds the node a validation path names
/// (<c>workflow[1] (characterize).retry.attempts</c>), so the validator's problems get the file's lines and quote
/// the text as written. A path whose last keys are absent locates the mapping that lacks them, as a reading error
/// about a missing key does. Not thread-safe (one load).
/// </summary>
internal sealed partial class YamlDefinitionSource(YamlNode root) : IDefinitionSource
{
    public string? TextAt(string path) => Find(path) is YamlScalarNode { Value: { } text } ? text : null;

    public int? LineOf(string path) => ErrorList.LineOf(Find(path));

    /// <summary>Records every problem in <paramref name="errors"/> at its node's line.</summary>
    public void Report(IEnumerable<ValidationProblem> problems, ErrorList errors)
    {
        foreach (var problem in problems)
        {
            errors.Add(problem.Path, problem.Message, Find(problem.Path));
        }
    }

    /// <summary>The deepest node of <paramref name="path"/> that exists (the root for an empty path).</summary>
    public YamlNode Find(string path)
    {
        var node = root;
        foreach (Match segment in Segment().Matches(StepName().Replace(path, string.Empty)))
        {
            if (node is not YamlMappingNode mapping
                || !mapping.Children.TryGetValue(new YamlScalarNode(segment.Groups["key"].Value), out var value)
                || YamlScalars.IsNull(value))
            {
                return node;
            }

            node = value;
            foreach (Capture index in segment.Groups["index"].Captures)
            {
                var i = int.Parse(index.Value, CultureInfo.InvariantCulture);
                if (node is not YamlSequenceNode sequence || i >= sequence.Children.Count)
                {
                    return node;
                }

                node = sequence.Children[i];
            }
        }

        return node;
    }

    // "workflow[1] (characterize).retry": the step's name is for people, not a key.
    [GeneratedRegex(@" \([^)]*\)")]
    private static partial Regex StepName();

    [GeneratedRegex(@"(?<key>[^.\[]+)(?:\[(?<index>\d+)\])*")]
    private static partial Regex Segment();
}
