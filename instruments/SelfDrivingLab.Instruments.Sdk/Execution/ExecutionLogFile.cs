using System.Text;
using System.Text.Json;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// An <see cref="IExecutionLog"/> appending one JSON line per execution to a file (snake_case, as on
/// the wire). Thread-safe within one instance; give each instance its own file.
/// </summary>
public sealed class ExecutionLogFile : IExecutionLog, IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates a log appending to <paramref name="path"/>; its directory is created if missing.</summary>
    public ExecutionLogFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    /// <summary>Full path of the file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async ValueTask RecordAsync(ExecutionRecord record, CancellationToken cancellationToken = default)
    {
        var line = JsonSerializer.Serialize(record, ProtocolJson.Options) + "\n";
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(Path, line, Utf8NoBom, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads every record in the file at <paramref name="path"/> (none when it does not exist).</summary>
    public static async Task<IReadOnlyList<ExecutionRecord>> ReadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var records = new List<ExecutionRecord>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            records.Add(JsonSerializer.Deserialize<ExecutionRecord>(lines[i], ProtocolJson.Options)
                ?? throw new InvalidDataException($"{path} line {i + 1} is JSON null, not an execution record."));
        }

        return records;
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}
