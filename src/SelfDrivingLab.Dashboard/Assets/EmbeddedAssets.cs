using Microsoft.AspNetCore.Http;

namespace SelfDrivingLab.Dashboard.Assets;

/// <summary>The page, its scripts and its style, embedded in the assembly (no CDN: the dashboard works offline). Thread-safe.</summary>
internal static class EmbeddedAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["app.js"] = "text/javascript; charset=utf-8",
        ["plots.js"] = "text/javascript; charset=utf-8",
        ["format.js"] = "text/javascript; charset=utf-8",
        ["session.js"] = "text/javascript; charset=utf-8",
        ["app.css"] = "text/css; charset=utf-8",
    };

    /// <summary>The asset <paramref name="name"/> (e.g. <c>app.js</c>), or 404 for any other name.</summary>
    public static IResult Serve(string name)
    {
        if (!ContentTypes.TryGetValue(name, out var contentType)
            || typeof(EmbeddedAssets).Assembly.GetManifestResourceStream($"wwwroot/{name}") is not { } stream)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(stream, contentType);
    }
}
