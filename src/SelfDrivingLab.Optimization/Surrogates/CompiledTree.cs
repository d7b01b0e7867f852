namespace SelfDrivingLab.Optimization.Surrogates;

/// <summary>A regression tree as flat arrays (ML.NET's encoding: a negative child c is leaf ~c).</summary>
internal sealed record CompiledTree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaves)
{
    public double Evaluate(double[] x)
    {
        if (Left.Length == 0)
        {
            return Leaves[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = (float)x[Feature[node]] <= Threshold[node] ? Left[node] : Right[node];
        }

        return Leaves[~node];
    }
}
