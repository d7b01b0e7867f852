using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Optimization.Pools;

/// <summary>
/// A finite set of candidate experiments with a numeric feature vector each (e.g. the Magpie features of a formula, or
/// a table's numeric columns). Features are min-max scaled to [0, 1] over the pool and constant columns are dropped, so
/// the surrogates see a unit cube as they do for a <see cref="Space.SearchSpace"/>. Immutable and thread-safe.
/// </summary>
public sealed class CandidatePool
{
    private readonly double[][] _features;
    private readonly Dictionary<ParameterSet, int> _indexOf;

    /// <summary>
    /// Creates a pool. Throws <see cref="ArgumentException"/> naming the problem: fewer than two candidates, a feature
    /// count that differs from the candidate count, ragged or non-finite features, a candidate listed twice, or no
    /// feature that varies over the pool.
    /// </summary>
    /// <param name="candidates">The candidate parameter sets (what the proposer returns), distinct.</param>
    /// <param name="features">One raw feature vector per candidate, all of one length.</param>
    /// <param name="featureNames">Names of the raw features (default <c>f0</c>, <c>f1</c>, …).</param>
    public CandidatePool(IReadOnlyList<ParameterSet> candidates, IReadOnlyList<IReadOnlyList<double>> features, IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(features);
        if (candidates.Count < 2)
        {
            throw new ArgumentException($"A candidate pool needs at least two candidates (got {candidates.Count}).", nameof(candidates));
        }

        if (features.Count != candidates.Count)
        {
            throw new ArgumentException($"A candidate pool needs one feature vector per candidate ({candidates.Count} candidates, {features.Count} vectors).", nameof(features));
        }

        var width = features[0].Count;
        var names = featureNames ?? [.. Enumerable.Range(0, width).Select(j => $"f{j}")];
        if (names.Count != width)
        {
            throw new ArgumentException($"{names.Count} feature names were given for {width} features.", nameof(featureNames));
        }

        _indexOf = new Dictionary<ParameterSet, int>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(candidates[i], nameof(candidates));
            if (!_indexOf.TryAdd(candidates[i], i))
            {
                throw new ArgumentException($"Candidate {i} ({candidates[i]}) repeats candidate {_indexOf[candidates[i]]}.", nameof(candidates));
            }

            if (features[i].Count != width)
            {
                throw new ArgumentException($"Candidate {i} has {features[i].Count} features; candidate 0 has {width}.", nameof(features));
            }

            for (var j = 0; j < width; j++)
            {
                if (!double.IsFinite(features[i][j]))
                {
                    throw new ArgumentException($"Candidate {i} ({candidates[i]}): feature '{names[j]}' is {features[i][j]}, not a finite number.", nameof(features));
                }
            }
        }

        Candidates = [.. candidates];
        (_features, FeatureNames) = Scale(features, names);
    }

    /// <summary>The candidates, in the order given.</summary>
    public IReadOnlyList<ParameterSet> Candidates { get; }

    /// <summary>Number of candidates.</summary>
    public int Count => Candidates.Count;

    /// <summary>Names of the features kept (those that vary over the pool), in model order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of features kept.</summary>
    public int Dimension => FeatureNames.Count;

    /// <summary>The index of <paramref name="parameters"/> in <see cref="Candidates"/>, or -1 when it is not a candidate.</summary>
    public int IndexOf(ParameterSet parameters) =>
        parameters is not null && _indexOf.TryGetValue(parameters, out var index) ? index : -1;

    /// <summary>A copy of candidate <paramref name="index"/>'s scaled feature vector (each entry in [0, 1]).</summary>
    public double[] ScaledFeatures(int index) => (double[])_features[index].Clone();

    /// <summary>The scaled feature vector of candidate <paramref name="index"/>, shared (callers must not write to it).</summary>
    internal double[] Features(int index) => _features[index];

    private static (double[][] Scaled, IReadOnlyList<string> Names) Scale(IReadOnlyList<IReadOnlyList<double>> features, IReadOnlyList<string> names)
    {
        var width = names.Count;
        var kept = new List<(int Column, double Low, double Range)>();
        for (var j = 0; j < width; j++)
        {
            var (low, high) = (double.PositiveInfinity, double.NegativeInfinity);
            foreach (var row in features)
            {
                (low, high) = (Math.Min(low, row[j]), Math.Max(high, row[j]));
            }

            if (high > low)
            {
                kept.Add((j, low, high - low));
            }
        }

        if (kept.Count == 0)
        {
            throw new ArgumentException("No feature varies over the candidate pool; the model would have nothing to learn from.", nameof(features));
        }

        var scaled = features
            .Select(row => kept.Select(k => Math.Clamp((row[k.Column] - k.Low) / k.Range, 0, 1)).ToArray())
            .ToArray();
        return (scaled, [.. kept.Select(k => names[k.Column])]);
    }
}
