using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

/// <summary>
/// The seeded permutation of a pool is a plain hash order so that benchmarks/textbook_peer.py can reproduce a
/// campaign's initial candidates; the expected values were computed by that script's seed_mix and pool_order.
/// </summary>
public sealed class PoolOrderTests
{
    [Theory]
    [InlineData(0, 0, 3, 607567)]
    [InlineData(5, 2, 3, 1815721784)]
    [InlineData(-1, 3, 2, 25437668)]
    public void Mix_KnownInputs_MatchesThePythonPort(int seed, int index, int stream, int expected)
    {
        Assert.Equal(expected, SeedMixer.Mix(seed, index, stream));
    }

    [Theory]
    [InlineData(0, new[] { 0, 4, 3, 2, 1, 9, 7, 6, 5, 8 })]
    [InlineData(7, new[] { 2, 6, 0, 4, 5, 3, 1, 9, 8, 7 })]
    public void PoolOrder_TenCandidates_MatchesThePythonPort(int seed, int[] expected)
    {
        Assert.Equal(expected, PoolProposer.PoolOrder(10, seed));
    }
}
