using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Hosting.Logging;

namespace SelfDrivingLab.Hosting.Tests.Logging;

/// <summary>Issue 9 item 12: a problem of the environment (a full disk) is logged without a stack trace; a defect keeps its trace.</summary>
public sealed class SdlConsoleFormatterTests
{
    [Fact]
    public void Write_LedgerException_WritesTheMessageWithoutAStackTrace()
    {
        var text = Format(LogLevel.Error, Thrown(new LedgerException("The ledger 'l.db' could not be written: the disk is full")));

        Assert.Equal(
            $"fail: The event callback failed [Category 103]{Environment.NewLine}      LedgerException: The ledger 'l.db' could not be written: the disk is full{Environment.NewLine}",
            text);
    }

    [Fact]
    public void Write_Defect_WritesTheStackTrace()
    {
        var text = Format(LogLevel.Error, Thrown(new ArgumentOutOfRangeException("index", "a bug")));

        Assert.Contains("System.ArgumentOutOfRangeException: a bug", text, StringComparison.Ordinal);
        Assert.Contains("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WarningWithoutException_WritesOneLineWithItsSourceThenFurtherLinesIndented()
    {
        var text = Format(LogLevel.Warning, null, "first line\nsecond line");

        Assert.Equal($"warn: first line [Category 103]{Environment.NewLine}      second line{Environment.NewLine}", text);
    }

    private static string Format(LogLevel level, Exception? exception, string message = "The event callback failed")
    {
        var writer = new StringWriter();
        var entry = new LogEntry<string>(level, "Test.Category", new EventId(103), message, exception, (state, _) => state);
        new SdlConsoleFormatter().Write(entry, null, writer);
        return writer.ToString();
    }

    private static Exception Thrown(Exception exception)
    {
        try
        {
            throw exception;
        }
        catch (Exception caught)
        {
            return caught;
        }
    }
}
