namespace SelfDrivingLab.Hosting;

/// <summary>Whether a running host can do its work: its broker connected and its ledger writable. Immutable.</summary>
/// <param name="Problems">What is wrong, one sentence each; empty when healthy.</param>
public sealed record HostHealthReport(IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Healthy => Problems.Count == 0;
}
