using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Dashboard;

/// <summary>
/// What a read-only dashboard shows and where it listens. Validated by <see cref="DashboardOptionsValidator"/> before the
/// server starts. Not thread-safe while being set; read-only once the server runs.
/// </summary>
public sealed class DashboardOptions
{
    /// <summary>The default port on 127.0.0.1.</summary>
    public const int DefaultPort = 5180;

    /// <summary>The default interval between two reads of the ledger.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The ledger file to show (required without <see cref="OpenLedger"/>; it must exist, and is opened read-only). With
    /// <see cref="OpenLedger"/>, only what names the ledger in messages (e.g. a PostgreSQL location, without its password).
    /// </summary>
    public string LedgerPath { get; set; } = string.Empty;

    /// <summary>
    /// Opens the ledger to show, read-only: any store (e.g. <c>PostgresLedger.OpenReadOnlyAsync</c>); the server closes it
    /// when it stops. Default null: the SQLite file at <see cref="LedgerPath"/>.
    /// </summary>
    public Func<CancellationToken, Task<ILedgerStore>>? OpenLedger { get; set; }

    /// <summary>The port on 127.0.0.1, 0 for one the system picks. Default <see cref="DefaultPort"/>.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>How often the ledger is read for changes, pushed to open pages. Default 1 s; at least 50 ms, at most 1 min.</summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;
}
