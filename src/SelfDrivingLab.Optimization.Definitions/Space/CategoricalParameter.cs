namespace SelfDrivingLab.Optimization.Space;

/// <summary>One of a fixed list of text choices (one-hot encoded for the model).</summary>
/// <param name="Name">Name.</param>
/// <param name="Choices">Two or more distinct choices.</param>
public sealed record CategoricalParameter(string Name, IReadOnlyList<string> Choices) : SpaceParameter(Name);
