namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>Settings of <see cref="RandomForestSurrogate"/>. Immutable.</summary>
public sealed record RandomForestOptions
{
    /// <summary>Trees in the forest (default 100).</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Largest number of leaves per tree (default 32; fewer when there are few observations).</summary>
    public int MaxLeaves { get; init; } = 32;

    /// <summary>Fewest observations in a leaf (default 2).</summary>
    public int MinObservationsPerLeaf { get; init; } = 2;

    /// <summary>Seed of the bagging and feature sampling (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Trees < 2)
        {
            throw new ArgumentException($"RandomForestOptions.Trees must be at least 2 (got {Trees}).", nameof(Trees));
        }

        if (MaxLeaves < 2)
        {
            throw new ArgumentException($"RandomForestOptions.MaxLeaves must be at least 2 (got {MaxLeaves}).", nameof(MaxLeaves));
        }

        if (MinObservationsPerLeaf < 1)
        {
            throw new ArgumentException($"RandomForestOptions.MinObservationsPerLeaf must be at least 1 (got {MinObservationsPerLeaf}).", nameof(MinObservationsPerLeaf));
        }
    }
}
