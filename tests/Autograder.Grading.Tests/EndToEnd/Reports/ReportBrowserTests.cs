using Microsoft.Playwright;

namespace Autograder.Grading.Tests.EndToEnd.Reports;

/// <summary>
/// The reference's A1–A6 reports opened in headless Chromium: math rendered as MathML (no raw TeX on screen), every
/// image and plot loaded with a size, no console errors, readable on a phone without sideways scrolling, and printable
/// (figures kept whole, a PDF comes out). A full-page screenshot of each is attached to the test result.
/// </summary>
[NonParallelizable]
public sealed class ReportBrowserTests
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    [OneTimeSetUp]
    public async Task Launch() => (_playwright, _browser) = await Chromium.LaunchAsync();

    [OneTimeTearDown]
    public async Task Close()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [TestCase("a1")]
    [TestCase("a2")]
    [TestCase("a3")]
    [TestCase("a4")]
    [TestCase("a5")]
    [TestCase("a6")]
    public async Task The_report_renders_math_images_and_plots_without_errors(string assignment)
    {
        var (page, errors) = await Open(assignment, 1000, 800);
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"report-{assignment}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, $"The {assignment} report in Chromium");

        var math = await page.EvaluateAsync<double[][]>("[...document.querySelectorAll('math')].map(m => { const r = m.getBoundingClientRect(); return [r.width, r.height]; })");
        var images = await page.EvaluateAsync<double[][]>("[...document.images].map(i => [i.complete ? 1 : 0, i.naturalWidth, i.getBoundingClientRect().width])");
        var plots = await page.EvaluateAsync<double[][]>("[...document.querySelectorAll('figure.plot svg')].map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; })");
        var text = await page.EvaluateAsync<string>("document.body.innerText");
        var font = await page.EvaluateAsync<string>("document.fonts.ready.then(() => [...document.fonts].filter(f => f.family.replaceAll('\"', '') === 'Inter').map(f => f.status).join())");
        Assert.Multiple(() =>
        {
            Assert.That(font, Is.EqualTo("loaded"), "the plots' text is set in the font the page carries, not a fallback");
            Assert.That(math, Has.Length.GreaterThan(assignment is "a5" or "a6" ? 8 : 20), "the derivations are MathML");
            Assert.That(math.Where(m => m[0] <= 0 || m[1] <= 0), Is.Empty, "every formula is laid out with a size");
            Assert.That(text, Does.Not.Contain("\\frac").And.Not.Contain("\\sum").And.Not.Contain("$$"), "no raw TeX on screen");
            Assert.That(images, Has.Length.GreaterThanOrEqualTo(assignment switch { "a3" => 9, "a5" or "a6" => 0, _ => 16 }), "galleries of test images (A3: three captioned images per model; A5 and A6 have none)");
            Assert.That(images.Where(i => i[0] != 1 || i[1] <= 0 || i[2] <= 0), Is.Empty, "every image decoded and shown");
            Assert.That(plots, Has.Length.GreaterThanOrEqualTo(3));
            Assert.That(plots.Where(p => p[0] < 200 || p[1] < 100), Is.Empty, "every plot drawn at a readable size");
            Assert.That(errors, Is.Empty, "no console errors");
        });
    }

    [TestCase("a1")]
    [TestCase("a2")]
    [TestCase("a3")]
    [TestCase("a4")]
    [TestCase("a5")]
    [TestCase("a6")]
    public async Task On_a_phone_nothing_scrolls_sideways(string assignment)
    {
        var (page, _) = await Open(assignment, 390, 844);
        var overflow = await page.EvaluateAsync<double>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(1), "wide tables and formulas scroll inside their own box");
    }

    [Test]
    public async Task Printing_keeps_figures_whole_and_makes_a_pdf()
    {
        var (page, _) = await Open("a2", 1000, 800);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var breaks = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('figure')].map(f => getComputedStyle(f).breakInside)");
        Assert.That(breaks, Is.Not.Empty.And.All.EqualTo("avoid"), "a figure is never split across pages");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        Assert.That(pdf.Take(4), Is.EqualTo("%PDF"u8.ToArray()));
        Assert.That(pdf, Has.Length.GreaterThan(50_000), "the figures are in it");
    }

    /// <summary>A write-up that tries to run script when course staff open it: nothing runs, and the attempt shows as text.</summary>
    [Test]
    public async Task A_write_up_cannot_run_script_in_the_report()
    {
        var folder = Directory.CreateTempSubdirectory("autograder-writeup-").FullName;
        try
        {
            var writeup = Path.Combine(folder, "writeup.md");
            await File.WriteAllTextAsync(writeup, "# My A1\n\n<script>document.title = 'pwned'</script>\n\nA picture: <img src=\"x\" onerror=\"document.title = 'pwned'\">.\n\n[click](javascript:document.title='pwned')\n");
            var (exitCode, output) = ReportRun.Autograder("report", "--assignment", "a1", "--results", ReportRun.Results, "--writeup", writeup, "--out", folder);
            Assert.That(exitCode, Is.Zero, output);
            var (page, _) = await OpenFile(Path.Combine(folder, "a1.html"), 1000, 800);
            await page.ClickAsync("text=click");
            var (title, text) = (await page.TitleAsync(), await page.EvaluateAsync<string>("document.body.innerText"));
            Assert.Multiple(() =>
            {
                Assert.That(title, Is.Not.EqualTo("pwned"), "no script ran");
                Assert.That(text, Does.Contain("<script>document.title = 'pwned'</script>"), "the raw HTML is shown as text");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<(IPage Page, List<string> Errors)> Open(string assignment, int width, int height) =>
        OpenFile(Path.Combine(ReportRun.Reports, assignment + ".html"), width, height);

    private async Task<(IPage Page, List<string> Errors)> OpenFile(string file, int width, int height)
    {
        var page = await _browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return (page, errors);
    }
}
