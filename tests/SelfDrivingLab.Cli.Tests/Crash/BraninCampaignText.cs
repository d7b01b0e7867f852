namespace SelfDrivingLab.Cli.Tests.Crash;

/// <summary>
/// The two-step campaign the process tests run (a simulated printer, then a tester measuring Branin with noise), as
/// campaign-file text: what they kill, stop or run twice differs, the campaign does not.
/// </summary>
internal static class BraninCampaignText
{
    /// <summary>The campaign file's text; <paramref name="duration"/> is a YAML duration, e.g. <c>{ mean: 90m, sd: 15m }</c>.</summary>
    public static string Create(string name, int seed, int budget, int initial, string deadline, string duration) => $$"""
        name: {{name}}
        seed: {{seed}}
        budget: {{budget}}
        parallel: 2
        objective: { output: y, goal: minimize }
        space:
          - { name: x1, type: continuous, low: -5, high: 10 }
          - { name: x2, type: continuous, low: 0, high: 15 }
        initial_design: { kind: sobol, count: {{initial}} }
        workflow:
          - name: synthesis
            capability: print
            deadline: {{deadline}}
            parameters: { x1: $x1, x2: $x2 }
          - name: measuring
            capability: measure
            deadline: {{deadline}}
            parameters: { sample_id: $steps.synthesis.sample_id, x1: $x1, x2: $x2 }
        simulators:
          - id: printer-1
            type: synthesis
            capability: print
            parameters: [x1, x2]
            duration: {{duration}}
          - id: tester-1
            type: characterization
            capability: measure
            duration: {{duration}}
            ground_truth: { function: branin, inputs: [x1, x2], output: y, noise_sd: 0.5 }
        """;
}
