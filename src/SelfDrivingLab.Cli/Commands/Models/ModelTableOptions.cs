using System.CommandLine;
using SelfDrivingLab.PropertyModels;
using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.Cli.Commands.Models;

/// <summary>The options that name a training table and a model kind, shared by <c>sdl model cv</c> and <c>sdl model train</c>.</summary>
internal sealed class ModelTableOptions
{
    public Option<FileInfo> Data { get; } = new("--data") { Description = "CSV table with a formula column and a target column.", Required = true };

    public Option<string> FormulaColumn { get; } = new("--formula-column") { Description = "The column of chemical formulas.", Required = true };

    public Option<string> Target { get; } = new("--target") { Description = "The column to predict: numeric, or yes/no/true/false/0/1.", Required = true };

    public Option<string?> Task { get; } = new("--task") { Description = "regress or classify (default: classify for a yes/no column or with --positive-when, else regress)." };

    public Option<string?> PositiveWhen { get; } = new("--positive-when") { Description = "Classify a numeric target: the rule that makes a value yes, e.g. \"<= 0\", \"== 0\" or \"> 0\"." };

    public Option<string?> Inputs { get; } = new("--inputs") { Description = "Comma-separated extra numeric input columns besides the composition features." };

    public Option<string?> Name { get; } = new("--name") { Description = "The property's name used by 'sdl screen --where' (default: the target column)." };

    public Option<string> Kind { get; } = new("--kind") { Description = "auto (= gbt), gbt (boosted trees), rf (random forest), gp (Gaussian process) or ridge (Bayesian ridge).", DefaultValueFactory = _ => "auto" };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the fold shuffle and the models.", DefaultValueFactory = _ => 0 };

    public Option<bool> NoHurdle { get; } = new("--no-hurdle") { Description = "Regression: never use a hurdle model, even when one target value holds a large share of the rows." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Data, FormulaColumn, Target, Task, PositiveWhen, Inputs, Name, Kind, Seed, NoHurdle })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The table; throws <see cref="TableDataException"/> or <see cref="ArgumentException"/> for bad input.</summary>
    public TrainingSet Read(ParseResult parse)
    {
        var task = parse.GetValue(Task)?.Trim().ToLowerInvariant() switch
        {
            null => (PropertyTask?)null,
            "regress" or "regression" => PropertyTask.Regression,
            "classify" or "classification" => PropertyTask.Classification,
            var other => throw new ArgumentException($"--task: '{other}' is not regress or classify"),
        };
        var inputs = parse.GetValue(Inputs)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var request = new TableRequest(parse.GetValue(Data)!.FullName, parse.GetValue(FormulaColumn)!, parse.GetValue(Target)!, task, parse.GetValue(PositiveWhen), inputs, parse.GetValue(Name));
        return TrainingTable.Read(request);
    }

    /// <summary>The model settings; throws <see cref="ArgumentException"/> for an unknown kind.</summary>
    public ModelSettings Settings(ParseResult parse)
    {
        ModelKind kind;
        try
        {
            kind = ModelKinds.Parse(parse.GetValue(Kind)!);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--kind: {ex.Message}", ex);
        }

        return new ModelSettings
        {
            Kind = kind,
            Seed = parse.GetValue(Seed),
            HurdleMinimumShare = parse.GetValue(NoHurdle) ? double.PositiveInfinity : new ModelSettings().HurdleMinimumShare,
        };
    }
}
