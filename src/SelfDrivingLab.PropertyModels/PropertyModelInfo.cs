namespace SelfDrivingLab.PropertyModels;

/// <summary>Describes a trained property model. Immutable.</summary>
/// <param name="Name">The property's name, used in screening criteria (e.g. <c>gap</c> or <c>nonmetal</c>).</param>
/// <param name="Target">The table column the model was trained on.</param>
/// <param name="Task">Regression or classification.</param>
/// <param name="Kind">The learning method.</param>
/// <param name="PositiveRule">For classification, how the target's values became yes (e.g. <c>&gt; 0</c> or <c>yes/no</c>); empty for regression.</param>
/// <param name="ExtraInputs">Numeric columns used as inputs besides the composition features.</param>
/// <param name="TrainingRows">Rows the model was trained on.</param>
/// <param name="Hurdle">For regression: the point-mass value of a hurdle model (see <see cref="ModelSettings.HurdleMinimumShare"/>), or null.</param>
public sealed record PropertyModelInfo(
    string Name,
    string Target,
    PropertyTask Task,
    ModelKind Kind,
    string PositiveRule,
    IReadOnlyList<string> ExtraInputs,
    int TrainingRows,
    double? Hurdle);
