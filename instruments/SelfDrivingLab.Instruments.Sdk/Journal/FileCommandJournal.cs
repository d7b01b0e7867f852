using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// A durable <see cref="ICommandJournal"/>: one JSON line per recorded event (the wire format of
/// <see cref="InstrumentEvent"/>), flushed to disk (fsync) before <see cref="RecordAsync"/> returns,
/// so an instrument that restarts still answers a re-sent command id instead of running it again.
/// Thread-safe; one instance per file.
/// </summary>
/// <remarks>
/// On open the file is replayed: a command whose latest event is not final (it was accepted, the
/// driver may have started, then the process died) becomes <c>failed</c> with error
/// <see cref="InterruptedError"/> — the physical step may have half run and must never run again.
/// A torn line (the process was killed mid-write) is skipped with a warning. The file is rewritten
/// (compacted to the latest event of the newest <see cref="Capacity"/> commands) on open and whenever
/// it holds more than twice <see cref="Capacity"/> lines.
/// </remarks>
public sealed class FileCommandJournal : ICommandJournal, IDisposable
{
    /// <inheritdoc />
    /// <remarks>Always true: every id is fsynced to the file before it is acted on.</remarks>
    public bool IsDurable => true;

    /// <summary>Error code of the failed event a command gets when the instrument restarted while it ran.</summary>
    public const string InterruptedError = "interrupted";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly JournalIndex _index;
    private int _count;
    private FileStream _stream;
    private int _lines;

    private FileCommandJournal(string path, JournalIndex index)
    {
        Path = path;
        _index = index;
        _count = index.Count;
        _stream = Rewrite(path, index.Latest());
        _lines = index.Count;
    }

    /// <summary>Full path of the journal file.</summary>
    public string Path { get; }

    /// <summary>Most command ids kept.</summary>
    public int Capacity => _index.Capacity;

    /// <summary>Command ids currently kept.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Opens (creating if missing) the journal at <paramref name="path"/>, replays it, marks commands
    /// that never finished as failed (<see cref="InterruptedError"/>) and compacts the file.
    /// </summary>
    /// <param name="path">The journal file; its directory is created if missing.</param>
    /// <param name="capacity">Most command ids kept (default <see cref="BoundedCommandJournal.DefaultCapacity"/>).</param>
    /// <param name="timeProvider">Clock for the time of interrupted events (default system clock).</param>
    /// <param name="logger">Receives a warning per skipped line and per interrupted command (default none).</param>
    public static FileCommandJournal Open(string path, int capacity = BoundedCommandJournal.DefaultCapacity, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var fullPath = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var index = new JournalIndex(capacity);
        JournalReplay.Load(fullPath, index, logger ?? NullLogger.Instance);
        JournalReplay.MarkInterrupted(index, (timeProvider ?? TimeProvider.System).GetUtcNow(), logger ?? NullLogger.Instance);
        return new FileCommandJournal(fullPath, index);
    }

    /// <inheritdoc />
    public async ValueTask<InstrumentEvent?> FindLatestAsync(CommandId commandId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _index.Find(commandId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask RecordAsync(InstrumentEvent instrumentEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instrumentEvent);
        var line = Line(instrumentEvent);

        // Not cancellable once waiting is over: a half-recorded event is worse than a late one.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            _stream.Flush(flushToDisk: true);
            _index.Set(instrumentEvent);
            Volatile.Write(ref _count, _index.Count);
            if (++_lines > 2 * Capacity)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
                _stream = Rewrite(Path, _index.Latest());
                _lines = _index.Count;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stream.Dispose();
        _gate.Dispose();
    }

    private static byte[] Line(InstrumentEvent instrumentEvent) => [.. ProtocolJson.Serialize(instrumentEvent), (byte)'\n'];

    /// <summary>
    /// Writes <paramref name="events"/> to a temporary file, flushes it to disk and moves it over
    /// <paramref name="path"/> (atomic on one file system), so a crash leaves the old or the new
    /// file, never a mix. Returns a stream appending to the new file.
    /// </summary>
    private static FileStream Rewrite(string path, IEnumerable<InstrumentEvent> events)
    {
        var temporary = path + ".tmp";
        using (var writer = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var e in events)
            {
                writer.Write(Line(e));
            }

            writer.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }
}
