using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.Cli.Commands.Models;

/// <summary>Runs a model command's work, turning bad input into one <c>error: …</c> line and <see cref="ExitCodes.BadInput"/>.</summary>
internal static class ModelErrors
{
    public static int Run(CliConsole console, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (Exception ex) when (ex is TableDataException or ArgumentException)
        {
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is InvalidDataException || OutputPaths.IsWriteFailure(ex))
        {
            // A table that is not CSV, a file that cannot be read or written.
            console.Error.WriteLine($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }
    }
}
