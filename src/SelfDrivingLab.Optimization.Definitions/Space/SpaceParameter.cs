namespace SelfDrivingLab.Optimization.Space;

/// <summary>One dimension of a search space. Immutable.</summary>
/// <param name="Name">The parameter's name, unique within the space.</param>
public abstract record SpaceParameter(string Name);
