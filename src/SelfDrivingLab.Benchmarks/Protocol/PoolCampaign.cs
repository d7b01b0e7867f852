using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;

namespace SelfDrivingLab.Benchmarks.Protocol;

/// <summary>
/// Runs one seeded campaign of the pool protocol: a proposer from <see cref="ProposerFactory"/> with the strategy's
/// settings (seed and initial count set by the protocol) proposes one candidate at a time, starting with its seeded
/// random initial candidates; each is "measured" by looking up its value. Uses only its own state, so campaigns can
/// run in parallel.
/// </summary>
internal sealed class PoolCampaign(BenchmarkPool pool, Objective objective, BenchmarkStrategy strategy, BenchmarkSettings settings)
{
    public CampaignTrace Run(int seed, Action? onExperiment, CancellationToken cancellationToken)
    {
        var budget = Math.Min(settings.Budget, pool.Candidates.Count);
        var proposerSettings = strategy.Settings with
        {
            Seed = unchecked(settings.BaseSeed + seed),
            InitialCount = settings.Initial,
            PriorMean = pool.PriorMean is { } prior ? prior with { Scaling = settings.PriorScaling, AddUncertainty = settings.AddPriorUncertainty } : null,
        };
        var proposer = ProposerFactory.Create(pool.Candidates, objective, proposerSettings);
        var observations = new List<Observation>(budget);
        var picks = new List<int>(budget);
        var found = 0;
        var needed = (BenchmarkSettings.GoalLevel * pool.Top5.Count) - 1e-12;
        while (picks.Count < budget && !(settings.StopAtGoal && found >= needed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var proposal = proposer.Propose(new ProposalRequest(observations, [], picks.Count, 1), cancellationToken).Single();
            var index = pool.Candidates.IndexOf(proposal.Parameters);
            observations.Add(new Observation(proposal.Parameters, pool.Targets[index]));
            picks.Add(index);
            found += pool.Top5.Contains(index) ? 1 : 0;
            onExperiment?.Invoke();
        }

        return CampaignTrace.Create(seed, picks, pool, stopped: picks.Count < budget);
    }
}
