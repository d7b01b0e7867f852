using Microsoft.Playwright;

namespace SelfDrivingLab.Dashboard.Tests.Browser;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (no browser download: <c>.ci/run</c> installs the package), with one
/// page; screenshots go to <see cref="ScreenshotDirectory"/>.
/// </summary>
internal sealed class ChromiumSession : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ChromiumSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    /// <summary>
    /// Where screenshots go: <c>$SDL_SCREENSHOT_DIR</c> when set (<c>.ci/run</c> sets <c>artifacts/screenshots</c>), otherwise
    /// <c>TestResults/screenshots</c> under the test output directory.
    /// </summary>
    public static string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("SDL_SCREENSHOT_DIR") is { Length: > 0 } directory
            ? Path.GetFullPath(directory)
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IPage Page { get; }

    public static async Task<ChromiumSession> StartAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = ["--no-sandbox"] });
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
            page.SetDefaultTimeout(20_000);
            return new ChromiumSession(playwright, browser, page);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A second page in its own browser context (its own cookies: another person signed in, or nobody).</summary>
    public async Task<IPage> NewSeparatePageAsync()
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    /// <summary>Saves the whole of <paramref name="page"/> as <c>name.png</c> in <see cref="ScreenshotDirectory"/>; returns the file.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Saves the whole page as <c>name.png</c> in <see cref="ScreenshotDirectory"/>; returns the file.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
