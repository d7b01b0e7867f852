using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Stationary ARD kernels as functions of the scaled distance r (r² = Σ (xᵢ - x'ᵢ)²/ℓᵢ²), with unit signal variance.
/// </summary>
internal static class KernelFunctions
{
    private static readonly double Sqrt3 = Math.Sqrt(3);
    private static readonly double Sqrt5 = Math.Sqrt(5);

    /// <summary>k(r) for unit signal variance, from r².</summary>
    public static double Value(KernelKind kind, double squaredDistance)
    {
        switch (kind)
        {
            case KernelKind.Rbf:
                return Math.Exp(-0.5 * squaredDistance);
            case KernelKind.Matern32:
                var r3 = Sqrt3 * Math.Sqrt(squaredDistance);
                return (1 + r3) * Math.Exp(-r3);
            case KernelKind.Matern52:
                var r5 = Sqrt5 * Math.Sqrt(squaredDistance);
                return (1 + r5 + (r5 * r5 / 3)) * Math.Exp(-r5);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kernel.");
        }
    }

    /// <summary>
    /// g(r) with ∂k/∂log ℓᵢ = g(r)·(xᵢ - x'ᵢ)²/ℓᵢ² (unit signal variance), i.e. g = -2 ∂k/∂(r²):
    /// e^(-r²/2) (RBF), 3e^(-√3 r) (Matérn 3/2), (5/3)(1 + √5 r)e^(-√5 r) (Matérn 5/2).
    /// </summary>
    public static double LengthScaleFactor(KernelKind kind, double squaredDistance)
    {
        switch (kind)
        {
            case KernelKind.Rbf:
                return Math.Exp(-0.5 * squaredDistance);
            case KernelKind.Matern32:
                return 3 * Math.Exp(-Sqrt3 * Math.Sqrt(squaredDistance));
            case KernelKind.Matern52:
                var r5 = Sqrt5 * Math.Sqrt(squaredDistance);
                return 5.0 / 3.0 * (1 + r5) * Math.Exp(-r5);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kernel.");
        }
    }

    /// <summary>Provenance name of a kernel.</summary>
    public static string Name(KernelKind kind) => kind switch
    {
        KernelKind.Rbf => "rbf",
        KernelKind.Matern32 => "matern32",
        KernelKind.Matern52 => "matern52",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kernel."),
    };
}
