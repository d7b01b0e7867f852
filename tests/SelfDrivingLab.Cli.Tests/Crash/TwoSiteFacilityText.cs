namespace SelfDrivingLab.Cli.Tests.Crash;

/// <summary>
/// The two-site example facility (workflows/two-sites.yaml: printer-a1 at lab-a, tester-b1 at lab-b, the same identities)
/// as files the <c>sdl</c> processes load, with lab-b's broker on the test's port and instruments that answer in moments:
/// the printer in 200 ms, the tester in 1.5 s (long enough to act while a command to it is in flight), a 300 ms shipment.
/// </summary>
internal static class TwoSiteFacilityText
{
    public const string Campaign = "across-sites";

    /// <summary>Writes the facility file and its campaign into <paramref name="directory"/>; returns the facility file's path.</summary>
    public static string Write(string directory, int remotePort, int budget)
    {
        var table = RepositoryPaths.Workflow(Path.Combine("data", "crossed_barrel.csv"));
        File.WriteAllText(Path.Combine(directory, Campaign + ".yaml"), $$"""
            name: {{Campaign}}
            site: lab-a
            seed: 14
            budget: {{budget}}
            parallel: 2
            objective: { output: toughness, goal: maximize }
            space:
              - { name: n, type: integer, low: 6, high: 12, step: 2 }
              - { name: theta, type: continuous, low: 0, high: 200 }
              - { name: r, type: continuous, low: 1.5, high: 2.5 }
              - { name: t, type: continuous, low: 0.7, high: 1.4 }
            initial_design: { kind: sobol, count: 4 }
            surrogate: { kind: gaussian_process, kernel: matern52, restarts: 2 }
            acquisition: { kind: expected_improvement, xi: 0.01 }
            workflow:
              - { name: printing, capability: print, site: lab-a, deadline: 30s, parameters: { n: $n, theta: $theta, r: $r, t: $t } }
              - { name: ship-to-b, transfer: { to: lab-b, duration: 300ms } }
              - { name: compression, capability: compression-test, deadline: 30s, parameters: { sample_id: $steps.printing.sample_id, n: $n, theta: $theta, r: $r, t: $t } }
            """);
        var facility = Path.Combine(directory, "two-sites.yaml");
        File.WriteAllText(facility, $$"""
            facility: two-sites
            site: lab-a
            sites:
              - { id: lab-b, broker: mqtt://127.0.0.1:{{remotePort}} }
            campaigns:
              - {{Campaign}}.yaml
            simulators:
              - id: printer-a1
                type: synthesis
                capability: print
                parameters: [n, r, t, theta]
                duration: { mean: 200ms, sd: 0ms }
              - id: tester-b1
                site: lab-b
                type: characterization
                capability: compression-test
                parameters: [n, r, sample_id, t, theta]
                duration: { mean: 1500ms, sd: 0ms }
                ground_truth:
                  table: {{table}}
                  inputs: [n, theta, r, t]
                  output: toughness
                  replicates: true
            access:
              identities:
                - { name: orchestrator, role: orchestrator }
                - { name: alice, role: operator }
            """);
        return facility;
    }
}
