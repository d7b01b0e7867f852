using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Dashboard.Assets;
using SelfDrivingLab.Dashboard.Live;
using SelfDrivingLab.Dashboard.Operators;
using SelfDrivingLab.Dashboard.Timeline;

namespace SelfDrivingLab.Dashboard;

/// <summary>The dashboard's routes every dashboard has: the page, its assets, the view as JSON and as an event stream, a timeline, the session, health.</summary>
internal static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => EmbeddedAssets.Serve("index.html"));
        routes.MapGet("/assets/{name}", (string name) => EmbeddedAssets.Serve(name));
        routes.MapGet("/api/view", (ViewFeed feed) =>
            feed.Current is { } view ? Results.Text(view.Json, "application/json; charset=utf-8") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        routes.MapGet("/api/events", (HttpContext context, ViewFeed feed, IHostApplicationLifetime lifetime) =>
            ViewEventStream.WriteAsync(context, feed, lifetime.ApplicationStopping));
        routes.MapGet("/api/experiments/{id}/timeline", TimelineAsync);
        routes.MapGet("/healthz", HealthEndpoint.CheckAsync);
        routes.MapGet("/api/session", (HttpContext context, IServiceProvider services) => TypedResults.Json(
            new SessionView(services.GetService<IDashboardHost>() is not null, context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : null, SessionClaims.RoleOf(context.User)),
            DashboardJson.Options));
    }

    private static async Task<IResult> TimelineAsync(string id, ExperimentTimelineReader reader, CancellationToken cancellationToken)
    {
        ExperimentId experimentId;
        try
        {
            experimentId = new ExperimentId(id);
        }
        catch (ArgumentException)
        {
            return TypedResults.NotFound();
        }

        try
        {
            return await reader.ReadAsync(experimentId, cancellationToken).ConfigureAwait(false) is { } timeline
                ? TypedResults.Json(timeline, DashboardJson.Options)
                : TypedResults.NotFound();
        }
        catch (LedgerException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
