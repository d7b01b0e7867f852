using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// Where a command parameter's value comes from. In YAML: <c>$name</c> is the experiment parameter
/// <c>name</c>; <c>$steps.step.output</c> is an output of an earlier step; anything else is a literal.
/// </summary>
public abstract record ParameterBinding;

/// <summary>A fixed value.</summary>
/// <param name="Value">The value.</param>
public sealed record LiteralBinding(ParameterValue Value) : ParameterBinding;

/// <summary>The value of an experiment parameter.</summary>
/// <param name="Parameter">Name of a search-space parameter.</param>
public sealed record ExperimentParameterBinding(string Parameter) : ParameterBinding;

/// <summary>An output of an earlier step.</summary>
/// <param name="Step">Name of an earlier step.</param>
/// <param name="Output">Name of one of its results.</param>
public sealed record StepOutputBinding(string Step, string Output) : ParameterBinding;
