using Microsoft.Data.Sqlite;

namespace SelfDrivingLab.Ledger.Sqlite;

/// <summary>SQLite's result codes that reach users, in words.</summary>
internal static class SqliteErrors
{
    public const int ReadOnly = 8;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int NotADatabase = 26;

    /// <summary>What went wrong, for an error message: SQLite's own text with what it means for a ledger file.</summary>
    public static string Describe(SqliteException exception) => exception.SqliteErrorCode switch
    {
        Full => $"the disk is full ({exception.Message})",
        Corrupt or NotADatabase => $"the file is damaged or not a SQLite database ({exception.Message})",
        ReadOnly => $"the file or its directory is read-only ({exception.Message})",
        CantOpen => $"the file cannot be opened: its directory is missing, read-only or not accessible ({exception.Message})",
        _ => exception.Message,
    };
}
