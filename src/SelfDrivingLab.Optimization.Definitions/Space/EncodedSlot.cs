namespace SelfDrivingLab.Optimization.Space;

/// <summary>Where one parameter lives in the encoded cube and in the design cube.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Offset">First encoded coordinate.</param>
/// <param name="Width">Encoded coordinates (the number of choices for a categorical, else 1).</param>
/// <param name="DesignIndex">Its single coordinate in the design cube.</param>
/// <param name="Mixture">Index of its mixture constraint, or -1.</param>
/// <param name="GridCount">Grid points of an integer parameter (0 otherwise).</param>
internal sealed record EncodedSlot(SpaceParameter Parameter, int Offset, int Width, int DesignIndex, int Mixture, long GridCount);
