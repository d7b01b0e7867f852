using System.Diagnostics.Metrics;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Telemetry;

/// <summary>
/// Counts a campaign host's finished experiments on the product's meter (made through <see cref="IMeterFactory"/>), then
/// passes every notification on to the caller's observer: <c>sdl.experiments.finished</c> (tags <c>campaign</c>,
/// <c>status</c>), <c>sdl.campaign.best</c> (the best objective so far, by campaign) and <c>sdl.campaign.lab_time</c>
/// (seconds of lab time so far, by campaign). Thread-safe.
/// </summary>
internal sealed class CampaignMetrics : ICampaignObserver
{
    private readonly ICampaignObserver? _inner;
    private readonly Counter<long> _finished;
    private readonly Gauge<double> _best;
    private readonly Gauge<double> _labTime;

    public CampaignMetrics(IMeterFactory meters, ICampaignObserver? inner)
    {
        _inner = inner;
        var meter = meters.Create(new MeterOptions(SdlTelemetry.Name));
        _finished = meter.CreateCounter<long>("sdl.experiments.finished", unit: "{experiment}", description: "Experiments finished, by campaign and status (completed, failed, aborted).");
        _best = meter.CreateGauge<double>("sdl.campaign.best", description: "The best objective value measured so far, by campaign.");
        _labTime = meter.CreateGauge<double>("sdl.campaign.lab_time", unit: "s", description: "Lab time the campaign has taken so far.");
    }

    public void OnExperimentFinished(CampaignProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var campaign = new KeyValuePair<string, object?>("campaign", progress.Name);
        _finished.Add(1, campaign, new KeyValuePair<string, object?>("status", progress.Finished.Status.ToString().ToLowerInvariant()));
        if (progress.Best is { } best)
        {
            _best.Record(best.Value, campaign);
        }

        _labTime.Record(progress.LabTime.TotalSeconds, campaign);
        _inner?.OnExperimentFinished(progress);
    }

    public void OnCampaignResumed(CampaignResumption resumption) => _inner?.OnCampaignResumed(resumption);
}
