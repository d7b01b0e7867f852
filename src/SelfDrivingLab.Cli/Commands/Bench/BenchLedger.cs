using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Ledger;
using SelfDrivingLab.Ledger.Postgres;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// Where <c>sdl bench orchestration</c> keeps its runs' ledgers: SQLite files in its temporary directory, or (with
/// <c>--ledger postgres://…</c>) one throwaway schema per run in that database, dropped afterwards.
/// </summary>
internal sealed class BenchLedger(string? postgresUri, string directory)
{
    private readonly string _prefix = "sdl_bench_" + Guid.NewGuid().ToString("N")[..8] + "_";
    private readonly List<PostgresLedgerLocation> _created = [];

    /// <summary>"SQLite (WAL, synchronous=FULL)" or the PostgreSQL location, for the report.</summary>
    public string Description => postgresUri is null ? "SQLite (WAL, synchronous=FULL)" : "PostgreSQL " + Location("x").ToString().Split('?')[0];

    /// <summary>Checks a <c>--ledger</c> value: null when usable, else what is wrong.</summary>
    public static string? Check(string? uri)
    {
        if (uri is null)
        {
            return null;
        }

        if (!PostgresLedgerLocation.IsPostgresUri(uri))
        {
            return "give a postgres://user@host:port/database URI (the SQLite ledger is the default)";
        }

        if (uri.Contains("schema=", StringComparison.Ordinal))
        {
            return "give no schema: each run gets a throwaway one";
        }

        try
        {
            LedgerArgument.PostgresLocation(uri);
            return null;
        }
        catch (LedgerException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The settings of a run named <paramref name="run"/>: its ledger file or schema.</summary>
    public CampaignHostSettings Apply(CampaignHostSettings settings, string run)
    {
        if (postgresUri is null)
        {
            return settings with { LedgerPath = Path.Combine(directory, run + ".db") };
        }

        _created.Add(Location(run));
        return settings with { LedgerPath = Path.Combine(directory, run + ".db"), LedgerConnectionString = Uri(run) };
    }

    /// <summary>The <c>postgres://</c> URI of the throwaway schema of a run named <paramref name="run"/> (dropped by <see cref="DropAsync"/>), for a host in another process.</summary>
    public string PostgresUriOf(string run)
    {
        _created.Add(Location(run));
        return Uri(run);
    }

    public async Task<ILedgerStore> OpenReadOnlyAsync(string run, CancellationToken cancellationToken) =>
        postgresUri is null
            ? await SqliteLedger.OpenReadOnlyAsync(Path.Combine(directory, run + ".db"), cancellationToken)
            : await PostgresLedger.OpenReadOnlyAsync(Location(run), cancellationToken);

    /// <summary>Median time of one durable one-row commit in this store.</summary>
    public async Task<double> MedianCommitSecondsAsync(int count, CancellationToken cancellationToken)
    {
        if (postgresUri is null)
        {
            return await LedgerCostProbe.MedianCommitSecondsAsync(directory, count, cancellationToken);
        }

        _created.Add(Location("probe"));
        return await PostgresLedgerMaintenance.MedianCommitSecondsAsync(Location("probe"), count, cancellationToken);
    }

    /// <summary>Drops the runs' schemas (the files go with the directory).</summary>
    public async Task DropAsync()
    {
        foreach (var location in _created)
        {
            await PostgresLedgerMaintenance.DropAsync(location);
        }
    }

    private string Uri(string run) => postgresUri + (postgresUri!.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "schema=" + _prefix + run;

    private PostgresLedgerLocation Location(string run) => LedgerArgument.PostgresLocation(Uri(run))!;
}
