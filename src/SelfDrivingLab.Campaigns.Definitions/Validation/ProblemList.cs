using System.Globalization;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>Collects the problems of one validation, in the order the rules find them. Not thread-safe (one validation).</summary>
internal sealed class ProblemList
{
    private readonly List<ValidationProblem> _problems = [];

    public int Count => _problems.Count;

    public IReadOnlyList<ValidationProblem> Problems => _problems;

    public void Add(string path, string message) => _problems.Add(new ValidationProblem(path, message));

    /// <summary>Joins a path and a key: <c>workflow[1]</c> + <c>deadline</c>.</summary>
    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Numbers as a campaign file writes them (invariant, round-trip).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
