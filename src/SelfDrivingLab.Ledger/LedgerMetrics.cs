using System.Diagnostics.Metrics;
using SelfDrivingLab.Core.Diagnostics;

namespace SelfDrivingLab.Ledger;

/// <summary>
/// The ledger stores' metrics, under the shared <c>SelfDrivingLab</c> meter: <see cref="CommitsInstrument"/> counts durable
/// commits, tagged with the <see cref="StoreTag"/> (<c>sqlite</c> or <c>postgres</c>) and the <see cref="OperationTag"/>
/// (the <see cref="Core.Ledger.ILedger"/> method that committed, e.g. <c>RecordBatchAsync</c>). Thread-safe.
/// </summary>
public static class LedgerMetrics
{
    /// <summary>The counter of durable commits.</summary>
    public const string CommitsInstrument = "sdl.ledger.commits";

    /// <summary>The tag naming the store.</summary>
    public const string StoreTag = "store";

    /// <summary>The tag naming the operation.</summary>
    public const string OperationTag = "operation";

    private static readonly Meter Meter = new(SdlTelemetry.Name);

    private static readonly Counter<long> Commits = Meter.CreateCounter<long>(
        CommitsInstrument,
        unit: "{commit}",
        description: "Durable ledger commits (one per write transaction), by store and operation.");

    /// <summary>Counts one committed write transaction.</summary>
    internal static void Committed(string store, string operation) =>
        Commits.Add(1, new KeyValuePair<string, object?>(StoreTag, store), new KeyValuePair<string, object?>(OperationTag, operation));
}
