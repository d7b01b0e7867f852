using System.Text.RegularExpressions;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Campaigns.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns;

/// <summary>
/// Reads campaign files (YAML, snake_case keys) into validated <see cref="CampaignDefinition"/>s.
/// Every problem found in one pass — syntax, unknown keys (with the closest known key suggested),
/// types, ranges, references between sections, simulators and ground-truth tables — is reported
/// together in one <see cref="CampaignDefinitionException"/>. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Defaults: <c>site: lab</c>, <c>seed: 0</c>, <c>parallel: 1</c>; without <c>initial_design</c> a Sobol
/// design of min(budget, 2 × dimensions) experiments; without <c>surrogate</c> a Gaussian process
/// (Matérn 5/2, 4 restarts); without <c>acquisition</c> expected improvement (xi 0.01, 2048 candidates).
/// A simulator without <c>parameters</c> accepts the command parameters of the steps using its capability.
/// </remarks>
public static partial class CampaignLoader
{
    /// <summary>Loads and validates the campaign file at <paramref name="path"/>; relative table paths resolve against its directory.</summary>
    public static CampaignDefinition LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var message = ex is FileNotFoundException or DirectoryNotFoundException ? $"file '{fullPath}' does not exist" : $"cannot read '{fullPath}': {ex.Message}";
            throw new CampaignDefinitionException(Path.GetFileName(fullPath), [new DefinitionError(string.Empty, message, null)]);
        }

        return Parse(text, fullPath);
    }

    /// <summary>
    /// Parses and validates campaign YAML. <paramref name="sourcePath"/> (made absolute) names the file in
    /// errors and anchors relative table paths; without it they resolve against the current directory.
    /// </summary>
    public static CampaignDefinition Parse(string yaml, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var fullPath = sourcePath is null ? null : Path.GetFullPath(sourcePath);
        var errors = new ErrorList();
        var root = LoadRoot(yaml, errors);
        var definition = root is null ? null : CampaignReader.Read(new YamlMap(root, string.Empty, errors), yaml, fullPath);
        if (definition is null || errors.Count > 0)
        {
            throw new CampaignDefinitionException(fullPath is null ? "campaign" : Path.GetFileName(fullPath), errors.InFileOrder());
        }

        return definition;
    }

    private static YamlMappingNode? LoadRoot(string yaml, ErrorList errors)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var message = PositionPrefix().Replace(ex.Message, string.Empty);
            errors.Add(string.Empty, $"not valid YAML: {message}", ex.Start.Line > 0 ? (int)ex.Start.Line : null);
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (without a position) for some truncated input, e.g. an unclosed '['.
            errors.Add(string.Empty, $"not valid YAML; check for an unclosed bracket or quote ({ex.Message})", (int?)null);
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                errors.Add(string.Empty, "the file is empty; a campaign needs at least name, budget, objective, space and workflow", 1);
                return null;
            case > 1:
                errors.Add(string.Empty, $"the file holds {stream.Documents.Count} YAML documents; a campaign file holds one", ErrorList.LineOf(stream.Documents[1].RootNode));
                return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping)
        {
            return mapping;
        }

        errors.Add(string.Empty, $"a campaign file is a mapping of keys (name, budget, space, workflow, ...), not {YamlScalars.Describe(root)}", root);
        return null;
    }

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 9, Idx: 24): "; the line is reported separately.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
