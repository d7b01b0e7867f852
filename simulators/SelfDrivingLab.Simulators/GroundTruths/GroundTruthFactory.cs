using SelfDrivingLab.Campaigns.Definitions;

namespace SelfDrivingLab.Simulators;

/// <summary>Builds the <see cref="IGroundTruth"/> a definition describes.</summary>
public static class GroundTruthFactory
{
    /// <summary>A <see cref="TableGroundTruth"/>, a <see cref="TextKeyedTableGroundTruth"/> (exact text match) or an <see cref="AnalyticGroundTruth"/>.</summary>
    public static IGroundTruth Create(GroundTruthDefinition definition) => definition switch
    {
        TableGroundTruthDefinition { ExactTextMatch: true } table => new TextKeyedTableGroundTruth(table),
        TableGroundTruthDefinition table => new TableGroundTruth(table),
        AnalyticGroundTruthDefinition analytic => new AnalyticGroundTruth(analytic),
        null => throw new ArgumentNullException(nameof(definition)),
        _ => throw new ArgumentException($"Unsupported ground truth {definition.GetType().Name}.", nameof(definition)),
    };

    /// <summary>A <see cref="TableLabelGroundTruth"/> for a table whose output column holds text labels.</summary>
    public static ILabelGroundTruth CreateLabel(GroundTruthDefinition definition) => definition switch
    {
        TableGroundTruthDefinition { TextOutput: true } table => new TableLabelGroundTruth(table),
        null => throw new ArgumentNullException(nameof(definition)),
        _ => throw new ArgumentException($"A phase label needs a table ground truth with a text output column, not {definition.GetType().Name}.", nameof(definition)),
    };
}
