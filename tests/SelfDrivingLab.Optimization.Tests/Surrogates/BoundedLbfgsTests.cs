using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Surrogates;

public sealed class BoundedLbfgsTests
{
    [Fact]
    public void Minimize_ConvexQuadraticWithActiveBound_FindsProjectedOptimum()
    {
        // f = (x0 - 3)² + 10(x1 + 1)² + x0·x1/2 on [-5, 2] × [0, 5]: x1 sits at its bound 0, then x0 = 3 - x1/4 would be 3,
        // clipped to the bound 2.
        static double F(double[] x, double[] g)
        {
            g[0] = (2 * (x[0] - 3)) + (x[1] / 2);
            g[1] = (20 * (x[1] + 1)) + (x[0] / 2);
            return Math.Pow(x[0] - 3, 2) + (10 * Math.Pow(x[1] + 1, 2)) + (x[0] * x[1] / 2);
        }

        var (point, value, _, converged) = BoundedLbfgs.Minimize(F, [0.5, 4], [-5, 0], [2, 5], 100, CancellationToken.None);

        Assert.True(converged);
        Assert.Equal(2, point[0], 1e-6);
        Assert.Equal(0, point[1], 1e-6);
        Assert.Equal(11, value, 1e-9);
    }

    [Fact]
    public void Minimize_Rosenbrock_ReachesTheMinimum()
    {
        static double F(double[] x, double[] g)
        {
            g[0] = (-2 * (1 - x[0])) - (400 * x[0] * (x[1] - (x[0] * x[0])));
            g[1] = 200 * (x[1] - (x[0] * x[0]));
            return Math.Pow(1 - x[0], 2) + (100 * Math.Pow(x[1] - (x[0] * x[0]), 2));
        }

        var (point, _, _, _) = BoundedLbfgs.Minimize(F, [-1.2, 1], [-5, -5], [5, 5], 500, CancellationToken.None);

        Assert.Equal(1, point[0], 1e-3);
        Assert.Equal(1, point[1], 1e-3);
    }
}
