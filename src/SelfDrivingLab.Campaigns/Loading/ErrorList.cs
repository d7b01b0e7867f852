using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>Collects problems during one pass over a campaign file, so all of them are reported together.</summary>
internal sealed class ErrorList
{
    private readonly List<DefinitionError> _errors = [];

    public int Count => _errors.Count;

    public void Add(string path, string message, YamlNode? at) => _errors.Add(new DefinitionError(path, message, LineOf(at)));

    public void Add(string path, string message, int? line, int? column = null) => _errors.Add(new DefinitionError(path, message, line, column));

    /// <summary>Errors by line (those without a line last), keeping discovery order within a line.</summary>
    public IReadOnlyList<DefinitionError> InFileOrder() =>
        [.. _errors.Select((error, index) => (error, index)).OrderBy(x => x.error.Line ?? int.MaxValue).ThenBy(x => x.index).Select(x => x.error)];

    public static int? LineOf(YamlNode? node) => node is null || node.Start.Line <= 0 ? null : (int)node.Start.Line;
}
