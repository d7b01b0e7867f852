namespace SelfDrivingLab.Cli;

/// <summary>Where commands write: standard output for results, standard error for problems.</summary>
/// <param name="Out">Results and progress.</param>
/// <param name="Error">Errors.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>True when <see cref="Out"/> is a terminal (not redirected): progress is shown live.</summary>
    public bool OutIsTerminal { get; init; }
}
