using System.Text;
using Microsoft.AspNetCore.Http;

namespace SelfDrivingLab.Dashboard.Live;

/// <summary>
/// <c>GET /api/events</c>: a server-sent event stream that sends the current view at once, then each changed view,
/// until the page goes away or the server stops. Stateless and thread-safe.
/// </summary>
internal static class ViewEventStream
{
    public static async Task WriteAsync(HttpContext context, ViewFeed feed, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellationToken = linked.Token;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        long seen = 0;
        try
        {
            while (true)
            {
                var view = await feed.NextAsync(seen, cancellationToken).ConfigureAwait(false);
                seen = view.Version;
                // The JSON is one line (no indentation), so one data: field carries it.
                var message = $"id: {view.Version}\nevent: view\ndata: {view.Json}\n\n";
                await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(message), cancellationToken).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away or the server stops.
        }
    }
}
