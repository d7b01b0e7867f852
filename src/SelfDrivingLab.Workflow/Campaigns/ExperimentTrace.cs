using System.Diagnostics;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Workflow.Experiments;

namespace SelfDrivingLab.Workflow.Campaigns;

/// <summary>
/// One trace per experiment (<see cref="SdlTelemetry"/>): a root <c>sdl.experiment</c> activity that begins where the
/// model fit that proposed it began (wall-clock stopwatch timestamps: lab time may be virtual), with that fit as
/// <c>sdl.propose</c>, and ends with the experiment's outcome once its result is stored.
/// </summary>
internal static class ExperimentTrace
{
    /// <summary>Runs <paramref name="run"/> under the experiment's activity; <paramref name="proposing"/> is null for a resumed experiment.</summary>
    public static async Task<ExperimentOutcome> RunAsync(ExperimentRecord record, (long Start, long End)? proposing, Func<Task<ExperimentOutcome>> run)
    {
        Activity.Current = null;
        using var activity = SdlTelemetry.Tracing.StartActivity("sdl.experiment");
        activity?.SetTag("sdl.campaign", record.CampaignId.Value).SetTag("sdl.experiment", record.Id.Value).SetTag("sdl.sequence", record.Sequence);
        if (activity is not null && proposing is { } fit)
        {
            var (now, origin) = (Stopwatch.GetTimestamp(), activity.StartTimeUtc);
            var started = origin - Stopwatch.GetElapsedTime(fit.Start, now);
            activity.SetStartTime(started);
            using var propose = SdlTelemetry.Tracing.StartActivity("sdl.propose", ActivityKind.Internal, activity.Context, startTime: new DateTimeOffset(started));
            propose?.SetEndTime(origin - Stopwatch.GetElapsedTime(fit.End, now));
            Activity.Current = activity;
        }

        var outcome = await run().ConfigureAwait(false);
        activity?.SetTag("sdl.status", outcome.Status.ToString());
        if (outcome.Status != ExperimentStatus.Completed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.FailureReason);
        }

        return outcome;
    }
}
