using System.CommandLine;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Persistence;

namespace SelfDrivingLab.Cli.Commands.Models;

/// <summary><c>sdl model train</c>: trains a property model on a whole table and writes a <c>.sdlmodel</c> file.</summary>
internal static class ModelTrainCommand
{
    public static Command Create(CliConsole console)
    {
        var table = new ModelTableOptions();
        var output = new Option<FileInfo>("--out") { Description = "The model file to write (e.g. gap.sdlmodel).", Required = true };
        var command = new Command("train", "Train a property model on a composition table and save it.");
        table.AddTo(command);
        command.Options.Add(output);
        command.SetAction((parse, cancellationToken) => Task.Run(
            () => ModelErrors.Run(console, () => Run(parse, table, parse.GetValue(output)!, console, cancellationToken)), cancellationToken));
        return command;
    }

    private static int Run(ParseResult parse, ModelTableOptions table, FileInfo output, CliConsole console, CancellationToken cancellationToken)
    {
        if (!OutputPaths.CheckFile(output, "--out", console))
        {
            return ExitCodes.BadInput;
        }

        var settings = table.Settings(parse);
        var data = table.Read(parse);
        var model = PropertyModelTrainer.Train(data, settings, cancellationToken);
        ModelFile.Save(model, output.FullName);
        var info = model.Info;
        var what = info.Task == PropertyTask.Regression ? $"regression of '{info.Target}'" : $"classifier of '{info.Target}' (yes: {info.PositiveRule})";
        var hurdle = info.Hurdle is { } mass ? $", hurdle at {mass}" : string.Empty;
        console.Out.WriteLine($"{info.Name}: {ModelKinds.Name(info.Kind)} {what}{hurdle}, {info.TrainingRows} rows → {output.FullName}");
        return ExitCodes.Ok;
    }
}
