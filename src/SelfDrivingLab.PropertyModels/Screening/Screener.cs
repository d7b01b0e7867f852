using SelfDrivingLab.Materials.Formulas;

namespace SelfDrivingLab.PropertyModels.Screening;

/// <summary>
/// Predicts every composition with every model (features computed once and shared), keeps those meeting every criterion,
/// and ranks them by the chance that all criteria hold. Thread-safe.
/// </summary>
public static class Screener
{
    /// <summary>
    /// Screens <paramref name="candidates"/>; every criterion must name one of <paramref name="models"/> (by
    /// <see cref="PropertyModelInfo.Name"/>; <c>P(…)</c> for classifiers). Throws <see cref="ArgumentException"/> for a
    /// criterion naming no model, or for a model that needs inputs besides the composition.
    /// </summary>
    public static ScreenResult Screen(IReadOnlyList<Composition> candidates, IReadOnlyList<PropertyModel> models, IReadOnlyList<ScreenCriterion> criteria, int? top = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(criteria);
        var targets = criteria.Select(c => ModelOf(c, models)).ToArray();
        foreach (var model in models.Where(m => m.Info.ExtraInputs.Count > 0))
        {
            throw new ArgumentException($"model '{model.Info.Name}' also needs the inputs {string.Join(", ", model.Info.ExtraInputs)}; screening knows only compositions");
        }

        var x = FeatureMatrix.Build(candidates, null, 0);
        var predictions = models.Select(m => m.PredictFeatures(x)).ToArray();
        var passed = new List<ScreenedCandidate>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var score = 1.0;
            var passes = true;
            for (var c = 0; c < criteria.Count && passes; c++)
            {
                var prediction = predictions[targets[c]][i];
                passes = criteria[c].Passes(prediction);
                score *= criteria[c].Probability(prediction);
            }

            if (passes)
            {
                passed.Add(new ScreenedCandidate(candidates[i], [.. predictions.Select(p => p[i])], score));
            }
        }

        var ranked = passed.OrderByDescending(c => c.Score).ThenBy(c => c.Composition.ToString(), StringComparer.Ordinal).Take(top ?? int.MaxValue).ToArray();
        return new ScreenResult(candidates.Count, passed.Count, ranked);
    }

    private static int ModelOf(ScreenCriterion criterion, IReadOnlyList<PropertyModel> models)
    {
        for (var m = 0; m < models.Count; m++)
        {
            var info = models[m].Info;
            if (info.Name == criterion.ModelName && (info.Task == PropertyTask.Classification) == criterion.IsProbability)
            {
                return m;
            }
        }

        var known = string.Join(", ", models.Select(m => m.Info.Task == PropertyTask.Classification ? $"P({m.Info.Name})" : m.Info.Name));
        throw new ArgumentException($"--where \"{criterion.Text}\" names no model; the models are {known}");
    }
}
