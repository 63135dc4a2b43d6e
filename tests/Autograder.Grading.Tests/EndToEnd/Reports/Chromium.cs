using Microsoft.Playwright;

namespace Autograder.Grading.Tests.EndToEnd.Reports;

/// <summary>
/// Debian's Chromium, launched headless through Playwright by its path (Playwright cannot download its own browser here).
/// Found at AUTOGRADER_CHROMIUM, /usr/bin/chromium or /usr/bin/chromium-browser; when absent and the tests run as root with
/// apt-get, it is installed once (CI); otherwise the browser tests are skipped with a message saying how to get it.
/// </summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Path = new(Locate);

    private static string? _whyMissing;

    public static readonly string[] Arguments = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];

    /// <summary>Launches the browser, or ignores the calling test with the reason it cannot be had.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (Path.Value is not { } executable)
        {
            Assert.Ignore(_whyMissing ?? "Chromium is not available.");
            throw new InvalidOperationException("unreachable");
        }

        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true, Args = Arguments }).ConfigureAwait(false);
        return (playwright, browser);
    }

    private static string? Locate()
    {
        string[] candidates = [Environment.GetEnvironmentVariable("AUTOGRADER_CHROMIUM") ?? "", "/usr/bin/chromium", "/usr/bin/chromium-browser"];
        if (candidates.FirstOrDefault(File.Exists) is { } found)
        {
            return found;
        }

        if (OperatingSystem.IsLinux() && Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            TestContext.Progress.WriteLine("Chromium is not installed; installing Debian's chromium package for the report's browser tests (apt-get install -y chromium).");
            var (exitCode, output) = ChildProcess.Run("/usr/bin/apt-get", ["install", "-y", "--no-install-recommends", "chromium"]);
            if (exitCode == 0 && File.Exists("/usr/bin/chromium"))
            {
                return "/usr/bin/chromium";
            }

            _whyMissing = $"Chromium is not installed and 'apt-get install -y chromium' failed (exit {exitCode}): {output[^Math.Min(output.Length, 400)..]}";
            return null;
        }

        _whyMissing = "Chromium is not installed: the report's browser tests need Debian's chromium package (sudo apt-get install chromium) or AUTOGRADER_CHROMIUM=/path/to/chromium.";
        return null;
    }
}
