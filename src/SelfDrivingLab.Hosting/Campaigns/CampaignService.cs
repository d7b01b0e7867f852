using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Workflow.Campaigns;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Hosting.Campaigns;

/// <summary>The generic-host service that runs the campaign loops (all of a facility's at once), then stops the application.</summary>
internal sealed partial class CampaignService(
    FacilityDefinition facility,
    CampaignRunner runner,
    PooledInstrumentGateway gateway,
    CampaignCompletion completion,
    IHostApplicationLifetime lifetime,
    ILogger<CampaignService> logger,
    ICampaignObserver? observer = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Instruments an operator has not yet returned to service stay out of service after a restart.
            await gateway.RestoreInstrumentStatusAsync(stoppingToken).ConfigureAwait(false);
            var running = facility.Campaigns.Select(c => runner.RunAsync(c, observer, stoppingToken));
            completion.Complete(await Task.WhenAll(running).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            completion.Cancel();
        }
        catch (Exception ex)
        {
            LogCampaignCrashed(logger, ex);
            completion.Fail(ex);
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "The campaign loop stopped with an error")]
    private static partial void LogCampaignCrashed(ILogger logger, Exception exception);
}
