using System.Collections.Concurrent;
using System.Diagnostics;

namespace SelfDrivingLab.Cli.Commands.Bench;

/// <summary>
/// Another <c>sdl</c> process started by a benchmark (the same program: the apphost, or <c>dotnet sdl.dll</c>), with its
/// output lines collected so the benchmark can wait for one. Killed (SIGKILL) when disposed if still running.
/// </summary>
internal sealed class SdlChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private SdlChildProcess(Process process) => _process = process;

    /// <summary>Every line it wrote so far (stdout and stderr interleaved as they arrived).</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>sdl</c> with <paramref name="arguments"/>, in <paramref name="directory"/>, with extra environment variables.</summary>
    public static SdlChildProcess Start(IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var program = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program this process runs, so cannot start another sdl");
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(program), "dotnet", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sdl.dll"));
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var child = new SdlChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>SIGKILL: the process ends at once, with nothing cleaned up (its lease is not released).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The last <paramref name="count"/> lines, for an error message.</summary>
    public string Tail(int count = 8) => string.Join(Environment.NewLine, _lines.TakeLast(count).Select(l => "  | " + l));

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
