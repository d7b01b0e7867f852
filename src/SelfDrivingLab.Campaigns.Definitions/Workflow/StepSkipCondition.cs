using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// <c>skip_if: { step: synthesis, output: status, equals: failed }</c> (or <c>not_equals</c>): the step is
/// skipped when the earlier step <paramref name="Step"/> reported <paramref name="Output"/> equal (or, with
/// <paramref name="Negated"/>, not equal) to <paramref name="Value"/>. An output the step did not report
/// never matches, so the step runs. Immutable.
/// </summary>
/// <param name="Step">An earlier step of the workflow.</param>
/// <param name="Output">The name of one of its results.</param>
/// <param name="Value">The value compared with (numbers compare as numbers, text as ordinal text).</param>
/// <param name="Negated">True for <c>not_equals</c>.</param>
public sealed record StepSkipCondition(string Step, string Output, ParameterValue Value, bool Negated)
{
    /// <summary>True when the step should be skipped, given the outputs of the steps run so far.</summary>
    public bool Matches(IReadOnlyDictionary<string, ParameterSet> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (!outputs.TryGetValue(Step, out var results) || !results.TryGetValue(Output, out var reported))
        {
            return false;
        }

        return reported.Equals(Value) != Negated;
    }

    /// <summary>For people and failure reasons, e.g. <c>synthesis.status equals 'failed'</c>.</summary>
    public override string ToString() => $"{Step}.{Output} {(Negated ? "does not equal" : "equals")} '{Value}'";
}
