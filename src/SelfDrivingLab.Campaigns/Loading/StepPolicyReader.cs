using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads a step's policies: <c>retry</c>, <c>on_failure</c> and <c>skip_if</c>. Errors name the step, e.g.
/// <c>workflow[1] (characterize).retry.attempts</c>; whether <c>skip_if</c> names an earlier step is the validator's question.
/// </summary>
internal static class StepPolicyReader
{
    public static readonly string[] Keys = ["retry", "on_failure", "skip_if"];

    private static readonly (string, StepFailurePolicy)[] FailurePolicies =
    [
        ("fail_experiment", StepFailurePolicy.FailExperiment),
        ("retry_elsewhere", StepFailurePolicy.RetryElsewhere),
        ("pause_campaign", StepFailurePolicy.PauseCampaign),
    ];

    /// <summary>The step's policies, and false when any of them had an error (recorded).</summary>
    public static (StepRetryPolicy? Retry, StepFailurePolicy OnFailure, StepSkipCondition? SkipIf, bool Ok) Read(YamlMap step, string? name)
    {
        var named = name is null ? step : step.WithPath($"{step.Path} ({name})");
        var before = step.Errors.Count;
        var retry = ReadRetry(named);
        var onFailure = named.Choice("on_failure", "failure policy", FailurePolicies) ?? StepFailurePolicy.FailExperiment;
        var skipIf = ReadSkipIf(named);
        return (retry, onFailure, skipIf, step.Errors.Count == before);
    }

    private static StepRetryPolicy? ReadRetry(YamlMap step)
    {
        if (step.Map("retry") is not { } map)
        {
            return null;
        }

        map.CheckKeys("attempts", "backoff");
        var attempts = map.Integer("attempts", required: true, min: 1, max: StepRetryPolicy.MaxAttempts);
        var backoff = map.Duration("backoff", allowZero: true) ?? StepRetryPolicy.DefaultBackoff;
        return attempts is null ? null : new StepRetryPolicy((int)attempts.Value, backoff);
    }

    private static StepSkipCondition? ReadSkipIf(YamlMap step)
    {
        if (step.Map("skip_if") is not { } map)
        {
            return null;
        }

        map.CheckKeys("step", "output", "equals", "not_equals");
        var earlier = map.String("step", required: true);
        var output = map.String("output", required: true);
        var (hasEquals, hasNotEquals) = (map.Get("equals") is not null, map.Get("not_equals") is not null);
        if (hasEquals == hasNotEquals)
        {
            map.Error(hasEquals ? "not_equals" : "equals", "give exactly one of 'equals' or 'not_equals'");
            return null;
        }

        var key = hasEquals ? "equals" : "not_equals";
        var value = ReadValue(map, key);
        return earlier is null || output is null || value is null ? null : new StepSkipCondition(earlier, output, value.Value, hasNotEquals);
    }

    private static ParameterValue? ReadValue(YamlMap map, string key)
    {
        if (map.Get(key) is not YamlScalarNode scalar)
        {
            map.Error(key, $"expected a number or text, got {YamlScalars.Describe(map.Get(key)!)}");
            return null;
        }

        var text = scalar.Value ?? string.Empty;
        var isPlain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        return isPlain && YamlScalars.TryNumber(text, out var number) ? ParameterValue.FromNumber(number) : ParameterValue.FromText(text);
    }
}
