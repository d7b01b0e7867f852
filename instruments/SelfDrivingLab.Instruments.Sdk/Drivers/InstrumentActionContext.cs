using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Instruments.Sdk;

/// <summary>
/// What a driver knows about the action it runs, and how it reports progress. Immutable apart from
/// progress reporting, which is thread-safe.
/// </summary>
public sealed class InstrumentActionContext
{
    private readonly Func<double, CancellationToken, ValueTask> _reportProgress;

    /// <summary>Creates a context; <paramref name="reportProgress"/> publishes progress (default: ignore it).</summary>
    public InstrumentActionContext(
        CommandId commandId,
        string action,
        ParameterSet parameters,
        ExperimentId? experimentId = null,
        Func<double, CancellationToken, ValueTask>? reportProgress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        CommandId = commandId;
        Action = action;
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        ExperimentId = experimentId;
        _reportProgress = reportProgress ?? ((_, _) => ValueTask.CompletedTask);
    }

    /// <summary>The command being executed.</summary>
    public CommandId CommandId { get; }

    /// <summary>The capability being run.</summary>
    public string Action { get; }

    /// <summary>The parameters, already checked against the capability's limits.</summary>
    public ParameterSet Parameters { get; }

    /// <summary>The experiment served, when the orchestrator said.</summary>
    public ExperimentId? ExperimentId { get; }

    /// <summary>Publishes a progress event with <paramref name="fraction"/> done, in [0, 1].</summary>
    public ValueTask ReportProgressAsync(double fraction, CancellationToken cancellationToken = default)
    {
        if (!(fraction >= 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "Progress must be a fraction in [0, 1].");
        }

        return _reportProgress(fraction, cancellationToken);
    }
}
