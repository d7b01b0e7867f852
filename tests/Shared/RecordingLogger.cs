using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Tests.Shared;

/// <summary>One formatted log entry.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message);

/// <summary>
/// A logger (and provider) that keeps every entry, formatted, for assertions. Thread-safe. Use
/// <see cref="For{T}"/> for a typed logger, or register it as an <see cref="ILoggerProvider"/> in a host.
/// </summary>
internal sealed class RecordingLogger : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger<T> For<T>() => new Typed<T>(this);

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    private class Category(RecordingLogger owner, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(name, logLevel, eventId, formatter(state, exception)));
    }

    private sealed class Typed<T>(RecordingLogger owner) : Category(owner, typeof(T).FullName ?? typeof(T).Name), ILogger<T>;
}
