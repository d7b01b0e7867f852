using System.Text;

namespace SelfDrivingLab.Campaigns.Tests;

/// <summary>A temporary directory holding a campaign file and its ground-truth table; deleted afterwards.</summary>
public sealed class CampaignFiles : IDisposable
{
    public const string Quickstart = """
        name: crossed-barrel-quickstart
        description: Find the toughest 3D-printed crossed-barrel structure.
        site: lab
        seed: 42
        budget: 48
        parallel: 2
        objective: { output: toughness, goal: maximize }
        space:
          - { name: n, type: integer, low: 6, high: 12, step: 2 }
          - { name: theta, type: continuous, low: 0, high: 200 }
          - { name: solvent, type: categorical, choices: [water, ethanol] }
        initial_design: { kind: sobol, count: 8 }
        surrogate: { kind: gaussian_process, kernel: matern52, restarts: 4 }
        acquisition: { kind: expected_improvement, xi: 0.01 }
        workflow:
          - name: synthesis
            capability: print
            deadline: 2h
            parameters: { n: $n, theta: $theta, nozzle: 0.4, label: "0.5", note: fast }
          - name: characterization
            capability: compression-test
            deadline: 1h
            parameters: { sample_id: $steps.synthesis.sample_id, n: $n, theta: $theta }
        simulators:
          - id: printer-1
            type: synthesis
            capability: print
            parameters: [n, theta]
            duration: { mean: 40m, sd: 10m }
            failure_rate: 0.02
          - id: tester-1
            type: characterization
            capability: compression-test
            duration: { mean: 15m, sd: 3m }
            ground_truth:
              table: data/crossed_barrel.csv
              inputs: [n, theta, r, t]
              output: toughness
              replicates: true
              noise_sd: 0
        """;

    public CampaignFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sdl-campaign-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "data"));
        // Written with a UTF-8 BOM, as spreadsheet exports often are.
        File.WriteAllText(TablePath, "n,theta,r,\"t\",toughness\n6,10,1.5,0.7,1.2\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    }

    public string Directory { get; }

    public string TablePath => Path.Combine(Directory, "data", "crossed_barrel.csv");

    public string CampaignPath => Path.Combine(Directory, "quickstart.yaml");

    /// <summary>Parses <paramref name="yaml"/> as if it were <c>quickstart.yaml</c> in this directory.</summary>
    public SelfDrivingLab.Campaigns.Definitions.CampaignDefinition Parse(string yaml) => CampaignLoader.Parse(yaml, CampaignPath);

    /// <summary>Parses <paramref name="yaml"/> and returns the exception it must throw.</summary>
    public CampaignDefinitionException Fail(string yaml) => Assert.Throws<CampaignDefinitionException>(() => Parse(yaml));

    /// <summary>The quickstart with <paramref name="oldText"/> replaced (which must occur).</summary>
    public static string QuickstartWith(string oldText, string newText)
    {
        Assert.Contains(oldText, Quickstart, StringComparison.Ordinal);
        return Quickstart.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>1-based number of the first line of <paramref name="yaml"/> containing <paramref name="marker"/>.</summary>
    public static int LineOf(string yaml, string marker)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, $"marker '{marker}' not found");
        return index + 1;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless.
        }
    }
}
