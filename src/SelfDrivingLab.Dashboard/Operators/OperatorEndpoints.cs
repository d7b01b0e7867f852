using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>
/// Sign-in with a facility identity and the operator's actions, mapped only when a host runs behind the dashboard. Bodies
/// are JSON: a cross-site form cannot send one without a CORS preflight this server never allows, and the session cookie
/// is SameSite=Strict, so another site cannot act with an operator's session.
/// </summary>
internal static class OperatorEndpoints
{
    public static void MapOperators(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/session", SignInAsync);
        routes.MapDelete("/api/session", async (HttpContext context) =>
        {
            await context.SignOutAsync(SessionClaims.Scheme).ConfigureAwait(false);
            return TypedResults.NoContent();
        });
        routes.MapPost("/api/actions", ActAsync).RequireAuthorization(SessionClaims.OperatorPolicy);
    }

    private static async Task<IResult> SignInAsync(SignInRequest request, HttpContext context, IDashboardHost host, ILogger<DashboardServer> logger)
    {
        if (string.IsNullOrEmpty(request.Identity) || string.IsNullOrEmpty(request.Secret) || host.SignIn(request.Identity, request.Secret) is not { } role)
        {
            Log.SignInRefused(logger, Core.Text.LogText.Escape(request.Identity ?? string.Empty));
            return TypedResults.Json(new { error = "unknown identity or wrong password" }, DashboardJson.Options, statusCode: StatusCodes.Status401Unauthorized);
        }

        await context.SignInAsync(SessionClaims.Scheme, SessionClaims.For(request.Identity, role)).ConfigureAwait(false);
        Log.SignedIn(logger, Core.Text.LogText.Escape(request.Identity), role);
        return TypedResults.Json(new SessionView(true, request.Identity, role == DashboardRole.Operator ? SessionClaims.OperatorRole : SessionClaims.ObserverRole), DashboardJson.Options);
    }

    private static async Task<IResult> ActAsync(ActionRequest request, HttpContext context, IDashboardHost host, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DashboardAction>(request.Action, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(request.Action, out _))
        {
            return TypedResults.Json(new DashboardActionResult(false, $"unknown action '{request.Action}'"), DashboardJson.Options, statusCode: StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(request.Target))
        {
            return TypedResults.Json(new DashboardActionResult(false, "no target: name a campaign, a held experiment or an instrument"), DashboardJson.Options, statusCode: StatusCodes.Status400BadRequest);
        }

        var identity = context.User.Identity!.Name!;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var result = await host.ActAsync(action, identity, request.Target, reason, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(result, DashboardJson.Options, statusCode: result.Ok ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }
}
