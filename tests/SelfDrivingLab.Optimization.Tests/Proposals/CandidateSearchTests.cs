using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Acquisition;
using SelfDrivingLab.Optimization.Feasibility;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Optimization.Surrogates;

namespace SelfDrivingLab.Optimization.Tests.Proposals;

public sealed class CandidateSearchTests
{
    [Theory]
    [InlineData(AcquisitionKind.UpperConfidenceBound)]
    [InlineData(AcquisitionKind.ExpectedImprovement)]
    public void FindBest_ClassifierOnlyWhereTheBoundMatters_ChoosesAsWithTheClassifierEverywhere(AcquisitionKind kind)
    {
        // Failures on the right third, so the probability of success varies over the cube.
        var encoder = new SpaceEncoder(new SearchSpace([new ContinuousParameter("a", 0, 1), new ContinuousParameter("b", 0, 1), new ContinuousParameter("c", 0, 1)]));
        var random = new Random(5);
        var points = Enumerable.Range(0, 60).Select(_ => new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() }).ToArray();
        var successes = points.Where(p => p[0] < 0.66).ToArray();
        var failures = points.Where(p => p[0] >= 0.66).ToArray();
        var y = successes.Select(p => Math.Sin(6 * p[0]) + (p[1] * p[2]) + (0.05 * random.NextDouble())).ToArray();
        var model = new GaussianProcessSurrogate(new GaussianProcessOptions { Seed = 1 }).Fit(successes, y);
        var classifier = FeasibilityClassifier.Fit(successes, failures);
        var objective = new Objective("y", ObjectiveGoal.Maximize);
        IAcquisitionFunction acquisition = kind == AcquisitionKind.ExpectedImprovement ? new ExpectedImprovement() : new UpperConfidenceBound();
        var excluded = new HashSet<ParameterSet>();

        for (var seed = 0; seed < 6; seed++)
        {
            var bounded = new CandidateSearch(encoder, model, objective, acquisition, y.Max(), classifier).FindBest(512, seed, excluded, default);
            var everywhere = new CandidateSearch(encoder, model, objective, acquisition, y.Max(), classifier, boundFeasibility: false).FindBest(512, seed, excluded, default);

            Assert.NotNull(bounded);
            Assert.NotNull(everywhere);
            Assert.Equal(everywhere.Parameters, bounded.Parameters);
            Assert.Equal(everywhere.AcquisitionValue, bounded.AcquisitionValue, 1e-9);

            // The next choice with this one excluded goes down the candidate list the same way.
            excluded.Add(bounded.Parameters);
        }
    }
}
