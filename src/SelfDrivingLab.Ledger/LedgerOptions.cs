namespace SelfDrivingLab.Ledger;

/// <summary>Where the SQLite ledger lives. Validated at start-up by <see cref="LedgerServiceCollectionExtensions.AddSqliteLedger"/>.</summary>
public sealed class LedgerOptions
{
    /// <summary>The default ledger path, relative to the current directory.</summary>
    public const string DefaultPath = ".sdl/ledger.db";

    /// <summary>
    /// Path of the ledger file; relative paths are resolved against the current directory when the
    /// ledger is opened. Default <see cref="DefaultPath"/>. Must be non-empty, a valid path, and not a directory.
    /// </summary>
    public string Path { get; set; } = DefaultPath;
}
