using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>Registers the sign-in of a hosted dashboard: a session cookie for a facility identity, and the operator policy.</summary>
internal static class DashboardSignInServiceCollectionExtensions
{
    /// <summary>How long a session lasts without use (sliding).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddDashboardSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(SessionClaims.Scheme).AddCookie(SessionClaims.Scheme, o =>
        {
            o.Cookie.Name = "sdl-dashboard";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = SessionLifetime;
            o.SlidingExpiration = true;

            // An API, not pages: answer 401 (not signed in) or 403 (not an operator) instead of redirecting to a login page.
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => Refuse(context.Response, StatusCodes.Status401Unauthorized, "sign in as an operator to act"),
                OnRedirectToAccessDenied = context => Refuse(context.Response, StatusCodes.Status403Forbidden, $"'{context.HttpContext.User.Identity?.Name}' is not an operator: only an operator may act"),
            };
        });
        // Session cookies live as long as the process: its keys stay in memory (nothing written under the user's home), and
        // the embedded broker's passwords change with every run anyway.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAuthorizationBuilder().AddPolicy(SessionClaims.OperatorPolicy, p => p.RequireRole(SessionClaims.OperatorRole));
        return services;
    }

    private static Task Refuse(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        return response.WriteAsJsonAsync(new DashboardActionResult(false, message), DashboardJson.Options);
    }
}
