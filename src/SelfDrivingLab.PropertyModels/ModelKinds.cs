namespace SelfDrivingLab.PropertyModels;

/// <summary>The command-line names of <see cref="ModelKind"/> (<c>auto</c>, <c>gbt</c>, <c>rf</c>, <c>gp</c>, <c>ridge</c>).</summary>
public static class ModelKinds
{
    /// <summary>The names accepted by <see cref="Parse"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "gbt", "rf", "gp", "ridge"];

    /// <summary>Parses a name; <c>auto</c> is gradient-boosted trees. Throws <see cref="ArgumentException"/> naming the accepted names.</summary>
    public static ModelKind Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "auto" or "gbt" => ModelKind.GradientBoostedTrees,
        "rf" => ModelKind.RandomForest,
        "gp" => ModelKind.GaussianProcess,
        "ridge" => ModelKind.Ridge,
        _ => throw new ArgumentException($"unknown model kind '{name}'; use one of {string.Join(", ", Names)}"),
    };

    /// <summary>The short name of <paramref name="kind"/>.</summary>
    public static string Name(ModelKind kind) => kind switch
    {
        ModelKind.GradientBoostedTrees => "gbt",
        ModelKind.RandomForest => "rf",
        ModelKind.GaussianProcess => "gp",
        _ => "ridge",
    };
}
