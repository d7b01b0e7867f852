namespace SelfDrivingLab.Optimization.Space;

/// <summary>The answer of <see cref="SpaceFeasibility.Analyze"/>. Immutable.</summary>
/// <param name="Verdict">Whether the constraints leave points, and room for random proposals.</param>
/// <param name="Constraints">For <see cref="SpaceVerdict.Empty"/> and <see cref="SpaceVerdict.Thin"/>: indexes into <see cref="SearchSpace.Constraints"/> of a smallest conflicting set (else empty).</param>
/// <param name="Mixtures">Indexes into <see cref="SearchSpace.Mixtures"/> of the mixtures in that set.</param>
public sealed record SpaceFeasibilityReport(SpaceVerdict Verdict, IReadOnlyList<int> Constraints, IReadOnlyList<int> Mixtures);
