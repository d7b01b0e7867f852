using System.Globalization;
using SelfDrivingLab.Core.Text;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The workflow: step names, deadlines, where each command parameter comes from (a search-space parameter, an earlier
/// step's output) and the step policies (<c>retry</c>, <c>on_failure</c>, <c>skip_if</c>).
/// </summary>
internal static class WorkflowRules
{
    // The workflow's own states; a step of the same name would be ambiguous in the ledger.
    private static readonly string[] ReservedNames = ["proposed", "awaitingapproval", "completed", "failed", "aborted"];

    public static void Check(CampaignDefinition campaign, ProblemList problems)
    {
        var steps = campaign.Steps;
        if (steps.Count == 0)
        {
            problems.Add("workflow", "needs at least one step");
            return;
        }

        var parameters = campaign.Space.Parameters.Select(p => p.Name).ToList();
        var names = steps.Select(s => s.Name).ToList();
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            var path = $"workflow[{index}]";
            CheckName(step.Name, names, index, path, problems);
            if (step.Transfer is { } transfer)
            {
                CheckTransfer(step, transfer, index == steps.Count - 1, path, problems);
                continue;
            }

            if (string.IsNullOrEmpty(step.Capability))
            {
                problems.Add($"{path}.capability", "'capability' is required");
            }

            if (step.Deadline <= TimeSpan.Zero)
            {
                problems.Add($"{path}.deadline", $"must be positive (got {DurationParser.Format(step.Deadline)})");
            }

            foreach (var (key, binding) in step.Parameters)
            {
                CheckBinding($"{path}.parameters.{key}", binding, parameters, names, index, problems);
            }

            CheckPolicies(step, $"{path} ({step.Name})", names, index, problems);
        }

        CheckSampleSites(steps, problems);
    }

    private static void CheckTransfer(WorkflowStepDefinition step, SampleTransfer transfer, bool isLast, string path, ProblemList problems)
    {
        if (transfer.Duration < TimeSpan.Zero)
        {
            problems.Add($"{path}.transfer.duration", $"must not be negative (got {DurationParser.Format(transfer.Duration)})");
        }

        if (isLast)
        {
            problems.Add(path, $"transfer step '{step.Name}' is the last step; the last step measures the objective, so ship the sample before it");
        }

        if (step.Capability.Length > 0 || step.Parameters.Count > 0 || step.Site is not null || step.Retry is not null || step.SkipIf is not null)
        {
            problems.Add(path, $"transfer step '{step.Name}' sends no command: it takes no capability, parameters, site, retry or skip_if");
        }
    }

    /// <summary>
    /// A step that names a site other than where the sample is (an earlier step's <c>site:</c> or transfer) is refused:
    /// the sample would be measured where it is not. A transfer step between them ships it.
    /// </summary>
    private static void CheckSampleSites(IReadOnlyList<WorkflowStepDefinition> steps, ProblemList problems)
    {
        (Core.Ids.SiteId Site, string Step)? at = null;
        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            if (step.Transfer is { } transfer)
            {
                if (at is { } before && before.Site == transfer.To)
                {
                    problems.Add($"workflow[{index}].transfer.to", $"transfer step '{step.Name}' ships the sample to site '{transfer.To}', where it already is (since step '{before.Step}')");
                }

                at = (transfer.To, step.Name);
            }
            else if (step.Site is { } site)
            {
                if (at is { } before && before.Site != site)
                {
                    problems.Add(
                        $"workflow[{index}].site",
                        $"step '{step.Name}' runs at site '{site}' but the sample is at site '{before.Site}' (since step '{before.Step}'); add a transfer step before it: "
                        + $"- {{ name: ship-to-{site}, transfer: {{ to: {site}, duration: 2h }} }}");
                }

                at = (site, step.Name);
            }
        }
    }

    private static void CheckName(string name, List<string> names, int index, string path, ProblemList problems)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problems.Add($"{path}.name", $"step name '{name}' may contain only letters, digits, '-' and '_'");
        }
        else if (ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{path}.name", $"'{name}' is a workflow state of its own; choose another step name");
        }
        else if (names.IndexOf(name) is var first && first < index)
        {
            problems.Add($"{path}.name", $"step '{name}' is already defined at workflow[{first}]");
        }
    }

    private static void CheckBinding(string path, ParameterBinding binding, List<string> parameters, List<string> steps, int index, ProblemList problems)
    {
        switch (binding)
        {
            case ExperimentParameterBinding { Parameter: var name } when !parameters.Contains(name):
                problems.Add(path, $"'${name}' names no search-space parameter{NameSuggestion.DidYouMean(name, parameters)}");
                break;
            case StepOutputBinding { Step: var step, Output: var output }:
                var text = $"$steps.{step}.{output}";
                var position = steps.IndexOf(step);
                if (position < 0)
                {
                    problems.Add(path, $"'{text}' refers to unknown step '{step}'{NameSuggestion.DidYouMean(step, steps.Take(index))}");
                }
                else if (position >= index)
                {
                    problems.Add(path, $"'{text}' refers to step '{step}', which {Relation(position, index)}; only earlier steps' outputs can be used");
                }

                break;
            case null:
                problems.Add(path, "a command parameter needs a binding (a literal, an experiment parameter or an earlier step's output)");
                break;
        }
    }

    private static void CheckPolicies(WorkflowStepDefinition step, string path, List<string> steps, int index, ProblemList problems)
    {
        if (step.Retry is { } retry)
        {
            if (retry.Attempts is < 1 or > StepRetryPolicy.MaxAttempts)
            {
                problems.Add($"{path}.retry.attempts", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {StepRetryPolicy.MaxAttempts} (got {retry.Attempts})"));
            }

            if (retry.Backoff < TimeSpan.Zero)
            {
                problems.Add($"{path}.retry.backoff", $"must be zero or positive (got {DurationParser.Format(retry.Backoff)})");
            }
        }

        if (!Enum.IsDefined(step.OnFailure))
        {
            problems.Add($"{path}.on_failure", $"'{step.OnFailure}' is not a failure policy; use fail_experiment, retry_elsewhere, pause_campaign");
        }

        if (step.SkipIf is not { } skip)
        {
            return;
        }

        var position = steps.IndexOf(skip.Step);
        if (position < 0)
        {
            problems.Add($"{path}.skip_if.step", $"'{skip.Step}' is not a step of the workflow{NameSuggestion.DidYouMean(skip.Step, steps.Take(index))}");
        }
        else if (position >= index)
        {
            problems.Add($"{path}.skip_if.step", $"step '{skip.Step}' {Relation(position, index)}; a step can only be skipped on an earlier step's output");
        }

        if (string.IsNullOrEmpty(skip.Output))
        {
            problems.Add($"{path}.skip_if.output", "'output' is required");
        }
    }

    private static string Relation(int position, int index) => position == index ? "is this step itself" : "comes later";
}
