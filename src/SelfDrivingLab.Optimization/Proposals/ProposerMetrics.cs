using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SelfDrivingLab.Optimization.Proposals;

/// <summary>
/// Where a proposer's time goes, under the shared <c>SelfDrivingLab</c> meter: the histogram
/// <c>sdl.proposer.duration</c> (seconds) with a <c>phase</c> tag — <c>hyperparameter-fit</c> (a full surrogate fit),
/// <c>conditioning</c> (observations added to a GP with the hyperparameters kept, see
/// <see cref="HyperparameterSchedule"/>), <c>feasibility-fit</c> (the classifier of failures) and <c>acquisition-search</c> (choosing a proposal with the fitted model).
/// <c>sdl bench quickstart</c> reads it. Thread-safe.
/// </summary>
public static class ProposerMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SelfDrivingLab";

    /// <summary>The histogram's name.</summary>
    public const string DurationName = "sdl.proposer.duration";

    /// <summary>The tag that names the phase.</summary>
    public const string PhaseTag = "phase";

    /// <summary>Phase: a full surrogate fit (hyperparameters included).</summary>
    public const string HyperparameterFit = "hyperparameter-fit";

    /// <summary>Phase: observations conditioned into a GP with its hyperparameters kept.</summary>
    public const string Conditioning = "conditioning";

    /// <summary>Phase: the feasibility classifier fitted to the failed and successful experiments.</summary>
    public const string FeasibilityFit = "feasibility-fit";

    /// <summary>Phase: the acquisition maximized (or the pool scored) for one proposal.</summary>
    public const string AcquisitionSearch = "acquisition-search";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        DurationName,
        unit: "s",
        description: "Time a proposer spends in each phase: full surrogate fits, conditioning on new observations, acquisition search.");

    internal static void Record(string phase, long startTimestamp) =>
        Duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>(PhaseTag, phase));
}
