using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.PropertyModels.Learning;

/// <summary>
/// Trees packed for fast batch evaluation: every node of every tree in one array of 16-byte structs (feature, threshold,
/// children), leaves in one array, and rows given as a contiguous single-precision block (the precision ML.NET's trees
/// compare in), so a tree walk touches few cache lines. Gives exactly <see cref="CompiledTree.Evaluate"/>'s values.
/// Immutable and thread-safe.
/// </summary>
internal sealed class PackedForest
{
    private readonly Node[] _nodes;
    private readonly double[] _leaves;
    private readonly int[] _nodeStart;
    private readonly int[] _leafStart;

    public PackedForest(IReadOnlyList<CompiledTree> trees)
    {
        _nodeStart = new int[trees.Count];
        _leafStart = new int[trees.Count];
        var nodes = new List<Node>();
        var leaves = new List<double>();
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            _nodeStart[t] = nodes.Count;
            _leafStart[t] = leaves.Count;
            for (var n = 0; n < tree.Left.Length; n++)
            {
                nodes.Add(new Node(tree.Feature[n], tree.Threshold[n], tree.Left[n], tree.Right[n]));
            }

            leaves.AddRange(tree.Leaves);
        }

        _nodes = [.. nodes];
        _leaves = [.. leaves];
    }

    public int Count => _nodeStart.Length;

    /// <summary>Copies rows into a single-precision block of <paramref name="width"/> values per row.</summary>
    public static float[] Block(ReadOnlySpan<double[]> rows, int width)
    {
        var block = new float[rows.Length * width];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var j = 0; j < width; j++)
            {
                block[(r * width) + j] = (float)rows[r][j];
            }
        }

        return block;
    }

    /// <summary>The value of tree <paramref name="tree"/> for the row starting at <paramref name="row"/> of a block.</summary>
    public double Evaluate(int tree, ReadOnlySpan<float> row)
    {
        var start = _nodeStart[tree];
        var leafStart = _leafStart[tree];
        if (tree + 1 < _nodeStart.Length ? _nodeStart[tree + 1] == start : _nodes.Length == start)
        {
            return _leaves[leafStart];
        }

        var node = 0;
        while (node >= 0)
        {
            ref readonly var n = ref _nodes[start + node];
            node = row[n.Feature] <= n.Threshold ? n.Left : n.Right;
        }

        return _leaves[leafStart + ~node];
    }

    private readonly record struct Node(int Feature, float Threshold, int Left, int Right);
}
