namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>Facts about <see cref="AcquisitionKind"/>s.</summary>
public static class AcquisitionKinds
{
    /// <summary>Whether <paramref name="kind"/> chooses for two or more objectives (expected hypervolume improvement, ParEGO) rather than one.</summary>
    public static bool IsMultiObjective(AcquisitionKind kind) => kind is AcquisitionKind.ExpectedHypervolumeImprovement or AcquisitionKind.Parego;
}
