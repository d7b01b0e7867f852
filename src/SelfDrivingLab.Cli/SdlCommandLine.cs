namespace SelfDrivingLab.Cli;

/// <summary>Entry point of the <c>sdl</c> command (being built).</summary>
public static class SdlCommandLine
{
    /// <summary>Runs the command line.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"sdl: not yet wired ({args.Length} arguments).");
        return Task.FromResult(2);
    }
}
