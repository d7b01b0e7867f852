using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.AskTell;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;
using SelfDrivingLab.Optimization.Tests.Proposals;

namespace SelfDrivingLab.Optimization.Tests.AskTell;

public sealed class OptimizerTests
{
    private static readonly SearchSpace Square = new([new ContinuousParameter("x1", 0, 1), new ContinuousParameter("x2", 0, 1)]);
    private static readonly Objective[] MinimizeF = [new("f", ObjectiveGoal.Minimize)];

    private static double Bowl(ParameterSet p) => Math.Pow(p.GetNumber("x1") - 0.3, 2) + Math.Pow(p.GetNumber("x2") - 0.7, 2);

    private static ParameterSet At(double x1, double x2) => new([new("x1", x1), new("x2", x2)]);

    private static Dictionary<string, double> F(double value) => new() { ["f"] = value };

    [Fact]
    public void Ask_TwoBatches_KeepsBothPendingAndProposesFourDistinctDesigns()
    {
        var opt = Optimizer.Create(Square, MinimizeF, new OptimizerOptions { Seed = 5 });

        var first = opt.Ask(2);
        var second = opt.Ask(2);

        Assert.Equal(4, opt.Asked);
        Assert.Equal([.. first, .. second], opt.Pending);
        Assert.Equal(4, first.Concat(second).Distinct().Count());
    }

    [Fact]
    public void Tell_APendingDesign_RemovesItFromPendingAndKeepsTheResult()
    {
        var opt = Optimizer.Create(Square, MinimizeF);
        var x = Assert.Single(opt.Ask());

        opt.Tell(x, 0.25);

        Assert.Empty(opt.Pending);
        var told = Assert.Single(opt.Observations);
        Assert.Equal(x, told.Parameters);
        Assert.Equal(0.25, told.Value);
    }

    [Fact]
    public void Tell_ValueOutsideTheSpace_ThrowsNamingTheParameter()
    {
        var opt = Optimizer.Create(Square, MinimizeF);

        var error = Assert.Throws<ArgumentException>(() => opt.Tell(At(1.5, 0.5), 1.0));

        Assert.Contains("x1", error.Message, StringComparison.Ordinal);
        Assert.Empty(opt.Observations);
    }

    [Fact]
    public void Tell_ObjectiveOutputMissing_ThrowsNamingIt()
    {
        var opt = Optimizer.Create(BraninCurrin.Space, BraninCurrin.Objectives);

        var error = Assert.Throws<ArgumentException>(() => opt.Tell(At(0.5, 0.5), new Dictionary<string, double> { ["branin"] = 3 }));

        Assert.Contains("'currin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tell_NotAFiniteNumber_ThrowsSuggestingAFailure()
    {
        var opt = Optimizer.Create(Square, MinimizeF);

        var error = Assert.Throws<ArgumentException>(() => opt.Tell(At(0.5, 0.5), double.NaN));

        Assert.Contains("tell a failure", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TellFailure_RemovesItFromPendingAndRemembersTheReason()
    {
        var opt = Optimizer.Create(Square, MinimizeF);
        var x = Assert.Single(opt.Ask());

        opt.TellFailure(x, "clogged nozzle");

        Assert.Empty(opt.Pending);
        Assert.Equal(new FailedObservation(x, "clogged nozzle"), Assert.Single(opt.Failures));
    }

    [Fact]
    public void TellFailure_FailuresOnOneSide_ProposesThereLessThanAnOptimizerNotTold()
    {
        // Every experiment with x1 > 0.6 fails. One optimizer is told each failure; the other never hears of them
        // (Forget), so it knows nothing of the failing region and keeps exploring it.
        static int FailingProposals(bool tell)
        {
            var opt = Optimizer.Create(Square, MinimizeF, new OptimizerOptions { Seed = 2 });
            var failing = 0;
            for (var i = 0; i < 24; i++)
            {
                var x = Assert.Single(opt.Ask());
                if (x.GetNumber("x1") <= 0.6)
                {
                    opt.Tell(x, Bowl(x));
                }
                else if (tell)
                {
                    failing += i >= 8 ? 1 : 0;
                    opt.TellFailure(x, "precipitate");
                }
                else
                {
                    failing += i >= 8 ? 1 : 0;
                    opt.Forget(x);
                }
            }

            return failing;
        }

        var told = FailingProposals(tell: true);
        var untold = FailingProposals(tell: false);

        Assert.True(told < untold, $"told of failures: {told} of the last 16 proposals fail; not told: {untold}");
    }

    [Fact]
    public void AddPrior_NearTheOptimum_ProposesNearItAtOnce()
    {
        var opt = Optimizer.Create(Square, MinimizeF, new OptimizerOptions { Seed = 3 });
        foreach (var p in from a in new[] { 0.0, 0.5, 1.0 } from b in new[] { 0.0, 0.5, 1.0 } select At(a, b))
        {
            opt.AddPrior(p, F(Bowl(p)));
        }

        foreach (var p in new[] { At(0.25, 0.6), At(0.4, 0.75), At(0.2, 0.8) })
        {
            opt.AddPrior(p, F(Bowl(p)));
        }

        var first = Assert.Single(opt.Ask());

        var distance = Math.Sqrt(Bowl(first));
        Assert.True(distance < 0.1, $"first proposal {first} is {distance:F3} from the minimum");
        Assert.Equal(1, opt.Asked);
        Assert.Empty(opt.Observations);
    }

    [Fact]
    public void FromJson_OfToJson_AsksExactlyWhatTheOriginalWould()
    {
        var opt = Optimizer.Create(Square, MinimizeF, new OptimizerOptions { Seed = 11, InitialCount = 3 });
        opt.AddPrior(At(0.9, 0.1), F(Bowl(At(0.9, 0.1))));
        for (var round = 0; round < 3; round++)
        {
            foreach (var x in opt.Ask(2))
            {
                opt.Tell(x, Bowl(x));
            }
        }

        var failed = opt.Ask(2);
        opt.TellFailure(failed[0], "broken vial");

        var json = opt.ToJson();
        var restored = Optimizer.FromJson(json);

        Assert.Equal(json, restored.ToJson());
        Assert.Equal(opt.Pending, restored.Pending);
        Assert.Equal(opt.Ask(3), restored.Ask(3));
    }

    [Fact]
    public void FromJson_OfToJson_KeepsEveryKindOfParameterAndObjectiveThresholds()
    {
        var space = new SearchSpace(
            [new ContinuousParameter("t", 1, 100, LogScale: true), new IntegerParameter("n", 0, 10, 2), new CategoricalParameter("solvent", ["water", "ethanol"])]);
        Objective[] objectives = [new("yield", ObjectiveGoal.Maximize) { AtLeast = 0.2 }, new("cost", ObjectiveGoal.Minimize) { AtMost = 9 }];
        var opt = Optimizer.Create(space, objectives, new OptimizerOptions { Acquisition = AcquisitionKind.Parego, Seed = 4 });
        var x = Assert.Single(opt.Ask());
        opt.Tell(x, new Dictionary<string, double> { ["yield"] = 0.5, ["cost"] = 3, ["color"] = 2 });

        var restored = Optimizer.FromJson(opt.ToJson());

        Assert.Equal(objectives, restored.Objectives);
        Assert.Equal(opt.Settings, restored.Settings);
        Assert.Equal(space.Parameters.Select(p => p.GetType()), restored.Space.Parameters.Select(p => p.GetType()));
        Assert.Equal(["water", "ethanol"], Assert.IsType<CategoricalParameter>(restored.Space.Parameters[2]).Choices);
        Assert.Equal(space.Parameters.Take(2), restored.Space.Parameters.Take(2));
        Assert.Equal(opt.Observations[0].Outputs, restored.Observations[0].Outputs);
        Assert.Equal(opt.Ask(), restored.Ask());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\": 99}")]
    [InlineData("{\"format\": 1}")]
    public void FromJson_NotAState_ThrowsFormatException(string json)
    {
        var error = Assert.Throws<FormatException>(() => Optimizer.FromJson(json));

        Assert.Contains("optimizer state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_TwoObjectives_FindsAFrontBetterThanRandom()
    {
        var ehvi = Optimizer.Create(BraninCurrin.Space, BraninCurrin.Objectives, new OptimizerOptions { Seed = 1 });
        var random = Optimizer.Create(BraninCurrin.Space, BraninCurrin.Objectives, new OptimizerOptions { Seed = 1, Surrogate = SurrogateKind.Random });
        foreach (var opt in new[] { ehvi, random })
        {
            for (var i = 0; i < 8; i++)
            {
                foreach (var x in opt.Ask(2))
                {
                    opt.Tell(x, ToValues(BraninCurrin.Measure(x)));
                }
            }
        }

        Assert.True(BraninCurrin.Hypervolume(ehvi.Observations) > BraninCurrin.Hypervolume(random.Observations));
        Assert.NotEmpty(ehvi.RecommendFront());
        Assert.Throws<ArgumentException>(() => ehvi.Tell(At(0.5, 0.5), 1.0));
        Assert.Throws<InvalidOperationException>(() => ehvi.Recommend());
    }

    [Fact]
    public void Create_SingleObjectiveAcquisitionForTwoObjectives_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            Optimizer.Create(BraninCurrin.Space, BraninCurrin.Objectives, new OptimizerOptions { Acquisition = AcquisitionKind.ExpectedImprovement }));

        Assert.Contains("ExpectedImprovement", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, double> ToValues(Observation o) => o.Outputs!.ToDictionary(kv => kv.Key, kv => kv.Value.Number);
}
