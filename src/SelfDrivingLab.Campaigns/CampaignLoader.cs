using System.Text.RegularExpressions;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Campaigns.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns;

/// <summary>
/// Reads campaign files (YAML, snake_case keys) into validated <see cref="CampaignDefinition"/>s, in two passes that
/// each report every problem they find, with its path and line, in one <see cref="CampaignDefinitionException"/>:
/// reading (syntax, unknown keys with the closest known key suggested, types, ranges, tables), then — once the file
/// reads — the model's <see cref="CampaignValidator"/> (references between sections, names, derived ids, feasibility,
/// simulators against the workflow), the same checks a campaign built in code passes. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Defaults: <c>site: lab</c>, <c>seed: 0</c>, <c>parallel: 1</c>; without <c>initial_design</c> a Sobol
/// design of min(budget, 2 × dimensions) experiments; without <c>surrogate</c> a Gaussian process
/// (Matérn 5/2, 4 restarts); without <c>acquisition</c> expected improvement (xi 0.01, 2048 candidates).
/// A simulator without <c>parameters</c> accepts the command parameters of the steps using its capability.
/// </remarks>
public static partial class CampaignLoader
{
    /// <summary>
    /// Loads and validates the campaign file at <paramref name="path"/> (at most 1 MiB); relative table paths
    /// resolve against its directory.
    /// </summary>
    public static CampaignDefinition LoadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        return Parse(CampaignFileText.Read(fullPath), fullPath);
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

    /// <summary>
    /// Parses a stored campaign definition (the text a ledger keeps) for its model — space or pool, objectives, proposer —
    /// without its simulated instruments, whose ground-truth tables are only needed to run it (and whose relative paths
    /// cannot be resolved away from the campaign file's directory). Tables the model needs (<c>pool:</c>, <c>prior:</c>)
    /// resolve against <paramref name="baseDirectory"/> (default the current directory). Throws
    /// <see cref="CampaignDefinitionException"/> like <see cref="Parse"/>.
    /// </summary>
    public static CampaignDefinition ParseModel(string yaml, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var errors = new ErrorList();
        var root = LoadRoot(yaml, errors);
        root?.Children.Remove(new YamlScalarNode("simulators"));
        var anchor = Path.Combine(Path.GetFullPath(baseDirectory ?? "."), "stored-campaign.yaml");
        var definition = root is null ? null : CampaignReader.Read(new YamlMap(root, string.Empty, errors), yaml, anchor);
        if (definition is null || errors.Count > 0)
        {
            throw new CampaignDefinitionException("stored campaign", errors.InFileOrder());
        }

        return definition;
    }

    internal static YamlMappingNode? LoadRoot(string yaml, ErrorList errors)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(yaml);
        var scanner = new FlowTrackingScanner(new Scanner(reader));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            var message = PositionPrefix().Replace(ex.Message, string.Empty);
            var unclosed = scanner.InnermostOpen is { } open ? $" (the '{open.Bracket}' at line {open.At.Line}, column {open.At.Column} is not closed)" : string.Empty;
            errors.Add(string.Empty, $"not valid YAML: {Uncapitalize(message)}{unclosed}", Position(ex.Start.Line), Position(ex.Start.Column));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails without a position (and with an internal message) on some unclosed
            // brackets; the bracket it saw opening, or else where it stopped reading, is the place to look.
            if (scanner.InnermostOpen is { } open)
            {
                errors.Add(string.Empty, $"not valid YAML: this '{open.Bracket}' is never closed; close it with '{Closing(open.Bracket)}' on the same line, or quote text that contains brackets", Position(open.At.Line), Position(open.At.Column));
            }
            else
            {
                var at = scanner.CurrentPosition;
                errors.Add(string.Empty, "not valid YAML: reading stopped here; check the lines above for a '[' or '{' that is never closed, or an unbalanced quote", Position(at.Line), Position(at.Column));
            }

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

    private static int? Position(long value) => value > 0 ? (int)value : null;

    private static char Closing(char bracket) => bracket == '[' ? ']' : '}';

    private static string Uncapitalize(string message) =>
        message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1]) ? char.ToLowerInvariant(message[0]) + message[1..] : message;

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: 3, Col: 9, Idx: 24): "; the line is reported separately.
    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
