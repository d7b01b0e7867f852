using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Parameters;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class StepPolicyLoaderTests : IDisposable
{
    private const string CharacterizationStep = "    parameters: { sample_id: $steps.synthesis.sample_id, n: $n, theta: $theta }";

    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Parse_AllPolicies_ReadIntoTheStep()
    {
        var yaml = WithCharacterizationPolicies(
            "    retry: { attempts: 3, backoff: 45s }",
            "    on_failure: retry_elsewhere",
            "    skip_if: { step: synthesis, output: quality, equals: bad }");

        var step = _files.Parse(yaml).Steps[1];

        Assert.Equal(new StepRetryPolicy(3, TimeSpan.FromSeconds(45)), step.Retry);
        Assert.Equal(StepFailurePolicy.RetryElsewhere, step.OnFailure);
        Assert.Equal(new StepSkipCondition("synthesis", "quality", ParameterValue.FromText("bad"), Negated: false), step.SkipIf);
    }

    [Fact]
    public void Parse_NoPolicies_DefaultsToFailExperimentWithoutRetryOrSkip()
    {
        var step = _files.Parse(Quickstart).Steps[1];

        Assert.Equal((null, StepFailurePolicy.FailExperiment, null), (step.Retry, step.OnFailure, step.SkipIf));
    }

    [Fact]
    public void Parse_RetryWithoutBackoffAndNumericNotEquals_UsesDefaultsAndNumbers()
    {
        var yaml = WithCharacterizationPolicies("    retry: { attempts: 1 }", "    skip_if: { step: synthesis, output: yield, not_equals: 1 }");

        var step = _files.Parse(yaml).Steps[1];

        Assert.Equal(StepRetryPolicy.DefaultBackoff, step.Retry!.Backoff);
        Assert.Equal(new StepSkipCondition("synthesis", "yield", ParameterValue.FromNumber(1), Negated: true), step.SkipIf);
    }

    [Theory]
    [InlineData("    retry: { attempts: 11 }", "workflow[1] (characterization).retry.attempts", "must be between 1 and 10 (got 11)")]
    [InlineData("    retry: { attempts: 0 }", "workflow[1] (characterization).retry.attempts", "must be between 1 and 10 (got 0)")]
    [InlineData("    retry: { backoff: 10s }", "workflow[1] (characterization).retry.attempts", "'attempts' is required")]
    [InlineData("    retry: { attempts: 2, backoff: soon }", "workflow[1] (characterization).retry.backoff", "'soon' is not a duration")]
    [InlineData("    retry: { attempts: 2, tries: 3 }", "workflow[1] (characterization).retry.tries", "unknown key 'tries'")]
    [InlineData("    on_failure: retry_elsewere", "workflow[1] (characterization).on_failure", "'retry_elsewere' is not a failure policy; use fail_experiment, retry_elsewhere, pause_campaign (did you mean 'retry_elsewhere'?)")]
    [InlineData("    skip_if: { step: synthesis, output: quality }", "workflow[1] (characterization).skip_if.equals", "give exactly one of 'equals' or 'not_equals'")]
    [InlineData("    skip_if: { step: synthesis, output: quality, equals: a, not_equals: b }", "workflow[1] (characterization).skip_if.not_equals", "give exactly one of 'equals' or 'not_equals'")]
    [InlineData("    skip_if: { step: synthesys, output: quality, equals: bad }", "workflow[1] (characterization).skip_if.step", "'synthesys' is not a step of the workflow (did you mean 'synthesis'?)")]
    [InlineData("    skip_if: { step: characterization, output: q, equals: bad }", "workflow[1] (characterization).skip_if.step", "step 'characterization' is this step itself")]
    [InlineData("    skip_if: { step: synthesis, equals: bad }", "workflow[1] (characterization).skip_if.output", "'output' is required")]
    [InlineData("    skip_if: { step: synthesis, output: q, equals: [a] }", "workflow[1] (characterization).skip_if.equals", "expected a number or text, got a list")]
    public void Parse_BadPolicy_ErrorNamesStepAndField(string policy, string path, string message)
    {
        var yaml = WithCharacterizationPolicies(policy);

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, policy.Trim()), error.Line);
    }

    [Fact]
    public void Parse_SkipIfOnALaterStep_ErrorSaysItComesLater()
    {
        var yaml = QuickstartWith(
            "    parameters: { n: $n, theta: $theta, nozzle: 0.4, label: \"0.5\", note: fast }",
            "    parameters: { n: $n, theta: $theta, nozzle: 0.4, label: \"0.5\", note: fast }\n    skip_if: { step: characterization, output: q, equals: x }");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal("workflow[0] (synthesis).skip_if.step", error.Path);
        Assert.Contains("step 'characterization' comes later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RetryOnANonIdempotentSimulator_IsALoadError()
    {
        var yaml = QuickstartWith(
            "    parameters: { n: $n, theta: $theta, nozzle: 0.4, label: \"0.5\", note: fast }",
            "    parameters: { n: $n, theta: $theta, nozzle: 0.4, label: \"0.5\", note: fast }\n    retry: { attempts: 2 }");

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal("workflow[0] (synthesis).retry", error.Path);
        Assert.Contains("simulator printer-1 does not declare 'print' idempotent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RetryOnASimulatorDeclaredIdempotent_Loads()
    {
        var yaml = QuickstartWith(
            "    parameters: { n: $n, theta: $theta, nozzle: 0.4, label: \"0.5\", note: fast }",
            "    parameters: { n: $n, theta: $theta, nozzle: 0.4, label: \"0.5\", note: fast }\n    retry: { attempts: 2 }")
            .Replace("    failure_rate: 0.02", "    failure_rate: 0.02\n    idempotent: true", StringComparison.Ordinal);

        var campaign = _files.Parse(yaml);

        Assert.True(campaign.Simulators[0].Idempotent);
        Assert.Equal(2, campaign.Steps[0].Retry!.Attempts);
    }

    [Fact]
    public void Parse_SimulatorIdempotency_DefaultsByType()
    {
        var campaign = _files.Parse(Quickstart);

        Assert.Equal([false, true], campaign.Simulators.Select(s => s.Idempotent));
    }

    [Fact]
    public void Parse_StepNamedAwaitingApproval_IsRejectedAsAWorkflowState()
    {
        var yaml = QuickstartWith("- name: characterization", "- name: AwaitingApproval");

        var ex = _files.Fail(yaml);

        Assert.Contains(ex.Errors, e => e.Path == "workflow[1].name" && e.Message.Contains("workflow state of its own", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    public void PauseBefore_Retry_DoublesTheBackoff(int retry, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new StepRetryPolicy(5, TimeSpan.FromSeconds(30)).PauseBefore(retry));
    }

    private static string WithCharacterizationPolicies(params string[] lines) =>
        QuickstartWith(CharacterizationStep, CharacterizationStep + "\n" + string.Join("\n", lines));
}
