namespace SelfDrivingLab.PropertyModels.Screening;

/// <summary>What a screen found. Immutable.</summary>
/// <param name="Enumerated">Compositions the space held (after the charge-neutrality filter).</param>
/// <param name="Passed">Candidates that met every criterion.</param>
/// <param name="Ranked">The passing candidates, best score first (then by formula), cut to the requested top.</param>
public sealed record ScreenResult(int Enumerated, int Passed, IReadOnlyList<ScreenedCandidate> Ranked);
