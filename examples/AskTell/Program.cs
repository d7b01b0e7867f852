// The ask/tell API: SelfDrivingLab's proposal engine driving an experiment loop that this program runs itself.
// Here the "experiment" is a simulated reaction; in a lab it would be a robot, a person or another program.
using System.Globalization;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.AskTell;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Space;

var space = new SearchSpace(
[
    new ContinuousParameter("temperature", 20, 120),
    new ContinuousParameter("time", 1, 60, LogScale: true),
    new CategoricalParameter("solvent", ["water", "ethanol", "toluene"]),
]);
Objective[] objectives = [new("yield", ObjectiveGoal.Maximize)];
var optimizer = Optimizer.Create(space, objectives, new OptimizerOptions { Seed = 7 });

// Earlier measurements train the model from the start (and shrink the initial design).
optimizer.AddPrior(Point(60, 10, "water"), new Dictionary<string, double> { ["yield"] = 0.41 });
optimizer.AddPrior(Point(90, 30, "ethanol"), new Dictionary<string, double> { ["yield"] = 0.63 });

var noise = new Random(1);
for (var round = 1; round <= 5; round++)
{
    // Four experiments at once: each batch avoids the experiments still pending.
    foreach (var x in optimizer.Ask(4))
    {
        if (x.GetNumber("temperature") > 110 && x["solvent"].Text == "ethanol")
        {
            optimizer.TellFailure(x, "solvent boiled off"); // the feasibility model learns where experiments fail
        }
        else
        {
            optimizer.Tell(x, Yield(x) + (0.01 * (noise.NextDouble() - 0.5)));
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {optimizer.Observations.Count} results, {optimizer.Failures.Count} failures, best {optimizer.Observations.Max(o => o.Value):F3}"));
}

// The whole state is JSON: save it, restore it later (another process, another day) and carry on identically.
var saved = optimizer.ToJson();
var restored = Optimizer.FromJson(saved);
Console.WriteLine($"restored from {saved.Length} characters of JSON; next proposals equal: {optimizer.Ask(2).SequenceEqual(restored.Ask(2))}");

if (restored.Recommend() is { } best)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recommended: {best.Parameters} (yield ≈ {best.PredictedMean:F3} ± {best.PredictedStandardDeviation:F3})"));
}

static ParameterSet Point(double temperature, double time, string solvent) =>
    new([new("temperature", temperature), new("time", time), new("solvent", solvent)]);

static double Yield(ParameterSet x)
{
    var t = (x.GetNumber("temperature") - 95) / 30;
    var m = Math.Log(x.GetNumber("time") / 20);
    var solvent = x["solvent"].Text switch { "ethanol" => 0.1, "toluene" => -0.05, _ => 0.0 };
    return (0.8 * Math.Exp(-(t * t) - (m * m))) + solvent;
}
