namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>
/// Training data in the layouts the kernels want (inputs column-major) and every buffer one likelihood evaluation needs,
/// allocated once per optimizer worker so that evaluations allocate nothing. Not thread-safe: one per thread.
/// </summary>
internal sealed class GaussianProcessWorkspace
{
    public GaussianProcessWorkspace(double[][] x, double[] y)
    {
        N = x.Length;
        D = x[0].Length;
        Points = x;
        Y = y;
        Columns = KernelRows.ToColumns(x, D, N);
        Covariance = new double[N * N];
        Factor = new double[N * N];
        LengthScaleFactors = new double[N * N];
        Work = new double[N * N];
        InverseFactor = new double[N * N];
        Alpha = new double[N];
        Projection = new double[N];
        RowA = new double[N];
        RowB = new double[N];
        InverseSquaredScales = new double[D];
        Contraction = new double[D];
    }

    public int N { get; }

    public int D { get; }

    public double[][] Points { get; }

    public double[] Y { get; }

    /// <summary>Inputs column-major: dimension i at [i·N, (i+1)·N).</summary>
    public double[] Columns { get; }

    /// <summary>Lower triangle of K (without jitter).</summary>
    public double[] Covariance { get; }

    /// <summary>Lower triangle of σ_f²·g(r) (<see cref="KernelFunctions.LengthScaleFactor"/>), kept for the gradient.</summary>
    public double[] LengthScaleFactors { get; }

    /// <summary>L, then reused for the lower triangle of K⁻¹.</summary>
    public double[] Factor { get; }

    public double[] Work { get; }

    /// <summary>X = L⁻¹.</summary>
    public double[] InverseFactor { get; }

    public double[] Alpha { get; }

    public double[] Projection { get; }

    public double[] RowA { get; }

    public double[] RowB { get; }

    public double[] InverseSquaredScales { get; }

    public double[] Contraction { get; }

    /// <summary>Jitter added by the last factorization.</summary>
    public double Jitter { get; set; }
}
