using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Ledger.Tests;

/// <summary>A private temporary directory per test, deleted afterwards, plus record builders.</summary>
public sealed class LedgerTestFiles : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public LedgerTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "sdl-ledger-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string LedgerPath => Path.Combine(Directory, "nested", "ledger.db");

    /// <summary>The schema-2 ledger fixture (Data/README.md), never opened in place.</summary>
    public static string Version2Fixture => Path.Combine(RepositoryPaths.Root, "tests", "SelfDrivingLab.Ledger.Tests", "Data", "ledger-v2.db");

    /// <summary>The fixture's one campaign.</summary>
    public static readonly CampaignId Version2Campaign = new("crossed-barrel-quickstart-20261206-220259");

    /// <summary>Copies the schema-2 fixture to <see cref="LedgerPath"/>.</summary>
    public void CopyVersion2Fixture()
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(LedgerPath)!);
        File.Copy(Version2Fixture, LedgerPath);
    }

    public static CampaignRecord Campaign(string id = "c1", DateTimeOffset? createdAt = null) =>
        new(new CampaignId(id), "Quickstart " + id, "name: " + id + "\nbudget: 4\n", 42, 4, CampaignStatus.Running, createdAt ?? T0, createdAt ?? T0);

    public static ExperimentRecord Experiment(string id, int sequence, string campaign = "c1") =>
        new(
            new ExperimentId(id),
            new CampaignId(campaign),
            sequence,
            new ParameterSet([new("n", 6.0), new("theta", 0.1 + 0.2), new("solvent", "water")]),
            ExperimentStatus.Proposed,
            "Proposed",
            """{"surrogate":"gp","mean":1.5}""",
            T0.AddMinutes(sequence),
            T0.AddMinutes(sequence));

    /// <summary>One step's outputs and one objective read from them (<paramref name="output"/>).</summary>
    public static ExperimentResult Result(ParameterSet outputs, double objective, string output = "toughness", string step = "test") =>
        new([new StepOutputs(step, outputs)], [new ObjectiveValue(output, objective)]);

    public static CommandRecord Command(string id, string experiment) =>
        new(
            new CommandId(id),
            new ExperimentId(experiment),
            new InstrumentId("printer-1"),
            "synthesis",
            "print",
            new ParameterSet([new("n", 6.0), new("nozzle", 0.4)]),
            T0.AddMinutes(10),
            T0.AddMinutes(130));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a test over cleanup.
        }
    }
}
