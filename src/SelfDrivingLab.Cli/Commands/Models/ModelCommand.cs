using System.CommandLine;

namespace SelfDrivingLab.Cli.Commands.Models;

/// <summary><c>sdl model</c>: property models of compositions (cross-validate, train, predict).</summary>
internal static class ModelCommand
{
    public static Command Create(CliConsole console) => new("model", "Property models trained on composition tables: cv, train, predict, split.")
    {
        ModelCvCommand.Create(console),
        ModelTrainCommand.Create(console),
        ModelPredictCommand.Create(console),
        ModelSplitCommand.Create(console),
    };
}
