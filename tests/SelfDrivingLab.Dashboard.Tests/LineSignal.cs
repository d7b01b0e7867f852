using System.Text;

namespace SelfDrivingLab.Dashboard.Tests;

/// <summary>A writer that keeps what is written and completes <see cref="Seen"/> once the text contains a marker.</summary>
internal sealed class LineSignal(string marker) : StringWriter
{
    private readonly TaskCompletionSource<string> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    public Task<string> Seen => _seen.Task;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        string text;
        lock (_gate)
        {
            base.Write(value);
            text = ToString();
        }

        if (text.Contains(marker, StringComparison.Ordinal) && text.EndsWith('\n'))
        {
            _seen.TrySetResult(text);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }
}
