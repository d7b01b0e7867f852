using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>The signed-in identity and its role, as cookie claims. Thread-safe.</summary>
internal static class SessionClaims
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string OperatorPolicy = "operator";
    public const string OperatorRole = "operator";
    public const string ObserverRole = "observer";

    public static ClaimsPrincipal For(string identity, DashboardRole role) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, identity), new Claim(ClaimTypes.Role, role == DashboardRole.Operator ? OperatorRole : ObserverRole)],
            Scheme));

    public static string? RoleOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Role) : null;
}
