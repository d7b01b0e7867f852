using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SelfDrivingLab.Core.Ledger;
using SelfDrivingLab.Dashboard.Operators;
using SelfDrivingLab.Ledger;

namespace SelfDrivingLab.Dashboard;

/// <summary>
/// <c>GET /healthz</c>: 200 and <c>{"status":"healthy"}</c> when the ledger can be read and, behind a running host, its
/// broker is connected and its ledger writable; otherwise 503 and <c>{"status":"unhealthy","reason":"…","reasons":[…]}</c>.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task<IResult> CheckAsync(ILedgerStore ledger, IServiceProvider services, CancellationToken cancellationToken)
    {
        List<string> problems = [];
        try
        {
            await ledger.GetLatestRecordedTimeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (LedgerException ex)
        {
            problems.Add($"the ledger cannot be read: {ex.Message}");
        }

        if (services.GetService<IDashboardHost>() is { } host)
        {
            problems.AddRange(await host.CheckHealthAsync(cancellationToken).ConfigureAwait(false));
        }

        return problems.Count == 0
            ? TypedResults.Json(new { status = "healthy" }, DashboardJson.Options)
            : TypedResults.Json(new { status = "unhealthy", reason = string.Join("; ", problems), reasons = problems }, DashboardJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
