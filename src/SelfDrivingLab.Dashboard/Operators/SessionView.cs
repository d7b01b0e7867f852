namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>What the page is allowed: whether a host runs behind it (login and actions), and who is signed in. Immutable.</summary>
/// <param name="Hosted">True when the dashboard is served by a running host (<c>sdl run</c>).</param>
/// <param name="Identity">The signed-in identity, or null.</param>
/// <param name="Role"><c>operator</c>, <c>observer</c>, or null.</param>
internal sealed record SessionView(bool Hosted, string? Identity, string? Role);
