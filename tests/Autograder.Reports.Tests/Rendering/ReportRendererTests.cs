using Autograder.Reports.Rendering;
using Autograder.Reports.Results;
using Autograder.Reports.Tests.Support;

namespace Autograder.Reports.Tests.Rendering;

/// <summary>Spec tests: template Markdown in, HTML fragments and Markdown out.</summary>
public sealed class ReportRendererTests
{
    private ResultFolder _folder = null!;

    [SetUp]
    public void CreateResults() => _folder = new ResultFolder()
        .Experiment(
            "a1.net",
            metrics: new() { ["test_accuracy"] = 0.9816, ["training_images"] = 55000, ["best_hidden_size"] = 400 },
            series: new() { ["loss"] = [2.3, 1.1, 0.7, 0.5], ["validation_accuracy"] = [0.9, 0.95] },
            tables: new()
            {
                ["sweep"] = (["hidden_size", "validation_accuracy"], [[50, 0.95], [400, 0.98], [100, 0.97]]),
                ["confusion"] = (["cat", "dog"], [[40, 10], [5, 45]]),
                ["attention"] = (["ein", "hund", "."], [[0.8, 0.1, 0.1], [0.1, 0.8, 0.1]]),
            },
            facts: new() { ["data"] = "MNIST (60,000 training images)", ["samples_0"] = "7 (true 7)", ["samples_1"] = "2 (true 3)", ["attention_rows"] = "a | dog" },
            images: new() { ["filters"] = Pngs.Gray(40), ["samples_0"] = Pngs.Gray(90), ["samples_1"] = Pngs.Gray(200) })
        .Experiment("a1.wide", metrics: new() { ["test_accuracy"] = 0.9842, ["training_images"] = 55000 })
        .Experiment("a1.crashed", outcome: "errored", message: "Solver.Train threw NotImplementedException\nstack")
        .Scores(("a1.affine", "Affine layer", 3, 3, "passed"), ("a1.relu", "ReLU", 0, 2, "failed"), ("a2.conv", "Conv", 1, 4, "failed"));

    [TearDown]
    public void DeleteResults() => _folder.Dispose();

    private RenderedReport Render(string markdown, string? assets = null) =>
        ReportRenderer.Render(markdown, _folder.Load(), new ReportOptions { AssetsFolder = assets, AssetsLink = "a1_files", SourceDirectory = _folder.Path });

    [Test]
    public void A_metric_fills_in_a_sentence_in_both_outputs()
    {
        var report = Render("The test accuracy is {{ metric a1.net.test_accuracy percent }} on {{ metric a1.net.training_images }} images.\n");
        Assert.That(report.Html, Does.Contain("<p>The test accuracy is 98.16 % on 55,000 images.</p>"));
        Assert.That(report.Markdown, Is.EqualTo("The test accuracy is 98.16 % on 55,000 images.\n"));
        Assert.That(report.Problems, Is.Empty);
        Assert.That(report.Referenced, Is.EquivalentTo(new[] { "a1.net" }));
    }

    [Test]
    public void Formats_and_facts()
    {
        var report = Render("{{ metric a1.net.test_accuracy f3 }}, {{ metric a1.net.test_accuracy }}, {{ metric a1.net.best_hidden_size int }}, {{ fact a1.net.data }}\n");
        Assert.That(report.Markdown, Is.EqualTo("0.982, 98.16 %, 400, MNIST (60,000 training images)\n"), "auto writes an accuracy as a percentage");
    }

    [Test]
    public void Math_becomes_mathml_in_html_and_stays_tex_in_markdown()
    {
        const string source = "Inline $\\frac{\\partial L}{\\partial W} = X^\\top dY$ and display:\n\n$$\ndb = \\sum_n dY_n\n$$\n";
        var report = Render(source);
        Assert.That(report.Html, Does.Contain("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mrow><mfrac>"));
        Assert.That(report.Html, Does.Contain("<div class=\"math-display\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">"));
        Assert.That(System.Text.RegularExpressions.Regex.Replace(report.Html, "<annotation.*?</annotation>", ""), Does.Not.Contain("\\frac{"), "no raw TeX outside the MathML annotation");
        Assert.That(report.Markdown, Is.EqualTo(source));
    }

    /// <summary>A write-up is the student's text: raw HTML shows as text, and the page's policy allows no script and no fetch.</summary>
    [Test]
    public void Raw_html_in_a_write_up_is_shown_as_text_and_the_page_runs_no_script()
    {
        var html = Render("Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>.\n\n<iframe src=\"https://example.com\"></iframe>\n").Html;
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img src=x").And.Not.Contain("<iframe"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;"), "the text is kept, escaped");
            Assert.That(html, Does.Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; script-src 'none'"));
        });
    }

    /// <summary>A table written in the template's Markdown scrolls inside its own box on a phone, like a generated one.</summary>
    [Test]
    public void A_markdown_table_is_wrapped_in_a_scrolling_box()
    {
        var html = Render("| Model | Test BLEU-4 |\n| --- | ---: |\n| LSTM | 0.094 |\n").Html;
        Assert.That(html, Does.Match(@"<div class=""table-wrap"">\s*<table>[\s\S]*LSTM[\s\S]*</table>\s*</div>"));
    }

    [Test]
    public void A_table_placeholder_is_a_block_with_a_numbered_caption_and_the_best_row_in_bold()
    {
        var report = Render("Intro.\n\n{{ table a1.net.sweep best=validation_accuracy formats=\"int|percent\" caption=\"Hidden-size sweep\" }}\n\nAfter.\n");
        Assert.That(report.Html, Does.Contain("<figure class=\"table\"><figcaption>Table 1: Hidden-size sweep</figcaption>"));
        Assert.That(report.Html, Does.Contain("<tr class=\"best\"><td class=\"num\">400</td><td class=\"num\">98.00 %</td></tr>"));
        Assert.That(report.Html, Does.Not.Contain("<p><figure"), "a block is not wrapped in a paragraph");
        Assert.That(report.Html, Does.Contain("<th class=\"num\">Hidden size</th><th class=\"num\">Validation accuracy</th>"));
        Assert.That(report.Markdown, Is.EqualTo(
            "Intro.\n\n*Table 1: Hidden-size sweep*\n\n| Hidden size | Validation accuracy |\n| ---: | ---: |\n| 50 | 95.00 % |\n| **400** | **98.00 %** |\n| 100 | 97.00 % |\n\nAfter.\n"));
    }

    /// <summary>Models side by side: one row per experiment, the best by the named metric in bold, a model not run marked in its row.</summary>
    [Test]
    public void A_comparison_puts_one_row_per_experiment_and_the_best_in_bold()
    {
        var report = Render("{{ compare a1 experiments=\"a1.net|a1.wide|a1.crashed\" labels=\"Net|Wide|Crashed\" metrics=\"test_accuracy|training_images\" "
            + "columns=\"Model|Test accuracy|Images\" formats=\"percent|int\" best=test_accuracy caption=\"The models\" }}\n");
        Assert.Multiple(() =>
        {
            Assert.That(report.Markdown, Is.EqualTo("*Table 1: The models*\n\n| Model | Test accuracy | Images |\n| --- | ---: | ---: |\n| Net | 98.16 % | 55,000 |\n"
                + "| **Wide** | **98.42 %** | **55,000** |\n| Crashed | not run | not run |\n"));
            Assert.That(report.Html, Does.Contain("<tr class=\"best\"><td>Wide</td>"));
            Assert.That(report.Problems, Has.Count.EqualTo(1).And.Some.Contains("a1.crashed"));
            Assert.That(report.Referenced, Is.SupersetOf(new[] { "a1.net", "a1.wide", "a1.crashed" }));
        });
    }

    /// <summary>lowest= bolds the smallest value (a perplexity), the other way round from best=.</summary>
    [Test]
    public void A_comparison_by_the_lowest_value_bolds_the_smallest()
    {
        var report = Render("{{ compare a1 experiments=\"a1.net|a1.wide\" labels=\"Net|Wide\" metrics=test_accuracy formats=percent lowest=test_accuracy }}\n");
        Assert.That(report.Markdown, Does.Contain("| **Net** | **98.16 %** |\n| Wide | 98.42 % |"));
    }

    [TestCase("{{ compare a1 experiments=\"a1.net\" }}", "needs experiments=")]
    [TestCase("{{ compare a1 experiments=\"a1.net\" metrics=test_accuracy best=test_accuracy lowest=test_accuracy }}", "not both")]
    [TestCase("{{ compare a1 experiments=\"a1.net\" metrics=test_accuracy lowest=loss }}", "lowest=loss is not one of the metrics")]
    [TestCase("{{ compare a1 experiments=\"a1.net\" metrics=test_accuracy best=loss }}", "best=loss is not one of the metrics")]
    [TestCase("{{ compare a1 experiments=\"a1.net|a1.wide\" metrics=test_accuracy labels=Net }}", "labels= names 1 rows")]
    [TestCase("{{ compare a1 experiments=\"a1.net\" metrics=loss }}", "a1.net has no metric 'loss'")]
    public void A_comparison_with_a_mistake_says_what_is_wrong(string placeholder, string message)
    {
        var report = Render(placeholder + "\n");
        Assert.That(report.Problems, Has.Some.Contains(message));
    }

    [Test]
    public void A_plot_is_inline_svg_with_its_font_in_html_and_a_png_file_in_markdown()
    {
        var assets = Path.Combine(_folder.Path, "out", "a1_files");
        var report = Render("{{ plot a1.net series=\"loss\" title=\"Training loss\" xlabel=Iteration logy caption=\"Loss per iteration\" }}\n", assets);
        Assert.That(report.Html, Does.Contain("<figure class=\"plot\"><svg xmlns=\"http://www.w3.org/2000/svg\""));
        Assert.That(report.Html, Does.Contain("<figcaption>Figure 1: Loss per iteration</figcaption>"));
        Assert.That(report.Html, Does.Contain("@font-face { font-family: \"Inter\"; src: url(data:font/ttf;base64,"), "the plot's font travels with the page");
        Assert.That(report.Markdown, Is.EqualTo("![Training loss](a1_files/figure-1.png)\n\n*Figure 1: Loss per iteration*\n"));
        using var png = SkiaSharp.SKBitmap.Decode(Path.Combine(assets, "figure-1.png"));
        Assert.That((png.Width, png.Height), Is.EqualTo((1280, 800)));
    }

    [Test]
    public void A_page_without_plots_carries_no_font()
    {
        Assert.That(Render("{{ metric a1.net.test_accuracy percent }}\n").Html, Does.Not.Contain("@font-face"));
    }

    [Test]
    public void A_table_can_be_plotted_as_points_or_bars()
    {
        var points = Render("{{ plot a1.net.sweep x=hidden_size y=validation_accuracy logx }}\n").Html;
        Assert.That(Texts(points), Does.Contain("Validation accuracy").And.Contain("Hidden size").And.Contain("100"));
        var bars = Texts(Render("{{ plot a1.net.sweep x=hidden_size y=validation_accuracy bars format=percent }}\n").Html);
        Assert.That(bars, Does.Contain("98.00 %").And.Contain("95.00 %").And.Contain("97.00 %").And.Contain("400"));
    }

    [Test]
    public void A_square_table_is_a_confusion_matrix_and_attention_rows_come_from_a_fact()
    {
        var confusion = Texts(Render("{{ heatmap a1.net.confusion xlabel=Predicted ylabel=True format=int }}\n").Html);
        Assert.That(confusion.Count(t => t is "cat" or "dog"), Is.EqualTo(4), "the classes along both axes");
        Assert.That(confusion, Does.Contain("45").And.Contain("Predicted").And.Contain("True"));
        var attention = Texts(Render("{{ heatmap a1.net.attention label=weight }}\n").Html);
        Assert.That(attention, Does.Contain("a").And.Contain("dog").And.Contain("hund").And.Contain("weight"));
        var problem = Render("{{ heatmap a1.net.attention rows=\"a|b|c\" }}\n").Problems.Single();
        Assert.That(problem, Does.Contain("has 2 rows and 3 columns, but the heatmap is given 3 row labels"));
    }

    [Test]
    public void A_series_can_be_a_histogram()
    {
        var texts = Texts(Render("{{ histogram a1.net.loss bins=4 title=\"Loss values\" }}\n").Html);
        Assert.That(texts, Does.Contain("Loss values").And.Contain("Count").And.Contain("Loss"));
        Assert.That(Render("{{ histogram a1.net.loss bins=0 }}\n").Problems.Single(), Does.Contain("bins=0 is not a number of bins from 1 to 1000"));
    }

    /// <summary>The texts of the page's plots, trimmed.</summary>
    private static List<string> Texts(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim()))];

    [Test]
    public void Images_are_data_uris_in_html_and_files_in_markdown()
    {
        var assets = Path.Combine(_folder.Path, "out", "a1_files");
        var report = Render("{{ image a1.net.filters width=96 caption=\"First-layer filters\" }}\n", assets);
        Assert.That(report.Html, Does.Contain($"<img src=\"data:image/png;base64,{Convert.ToBase64String(Pngs.Gray(40))}\" alt=\"First-layer filters\" width=\"96\">"));
        Assert.That(File.ReadAllBytes(Path.Combine(assets, "figure-1.png")), Is.EqualTo(Pngs.Gray(40)));
    }

    [Test]
    public void A_gallery_shows_the_numbered_images_with_their_captions()
    {
        var report = Render("{{ gallery a1.net.samples columns=2 caption=\"Test images\" }}\n", Path.Combine(_folder.Path, "out", "a1_files"));
        Assert.That(report.Html, Does.Contain("<figcaption>7 (true 7)</figcaption>"));
        Assert.That(report.Html.IndexOf("7 (true 7)", StringComparison.Ordinal), Is.LessThan(report.Html.IndexOf("2 (true 3)", StringComparison.Ordinal)));
        Assert.That(report.Markdown, Does.Contain("| ![7 (true 7)](a1_files/figure-1.png)<br>7 (true 7) | ![2 (true 3)](a1_files/figure-2.png)<br>2 (true 3) |"));
    }

    [Test]
    public void The_score_table_lists_an_assignments_checks_with_a_total()
    {
        var report = Render("{{ scores a1 }}\n");
        Assert.That(report.Markdown, Does.Contain("| Affine layer | a1.affine | 3 / 3 | passed |"));
        Assert.That(report.Markdown, Does.Contain("| ReLU | a1.relu | 0 / 2 | failed |"));
        Assert.That(report.Markdown, Does.Contain("| Total |  | 3 / 5 | 60 % |"));
        Assert.That(report.Markdown, Does.Not.Contain("a2.conv"));
    }

    [Test]
    public void A_missing_experiment_is_a_visible_not_run_marker_not_a_hole()
    {
        var report = Render("Accuracy {{ metric a9.absent.test_accuracy }}.\n\n{{ plot a9.absent series=loss }}\n");
        Assert.That(report.Html, Does.Contain("<span class=\"marker not-run\" role=\"note\"><strong>not run:</strong> a9.absent has no results in"));
        Assert.That(report.Html, Does.Contain("<div class=\"marker not-run\" role=\"note\">"));
        Assert.That(report.Markdown, Does.StartWith("Accuracy **⚠ not run:** a9.absent has no results in"));
        Assert.That(report.Markdown, Does.Contain("\n> **⚠ not run:** a9.absent"));
        Assert.That(report.Problems, Has.Count.EqualTo(2).And.All.StartWith("not run: a9.absent"));
    }

    [Test]
    public void A_crashed_experiment_says_why_it_has_no_results()
    {
        var report = Render("{{ metric a1.crashed.test_accuracy }}\n");
        Assert.That(report.Problems, Is.EqualTo(new[] { "not run: a1.crashed errored without results (Solver.Train threw NotImplementedException)." }));
    }

    [TestCase("{{ metric a1.net.test_acc }}", "a1.net has no metric 'test_acc'; it has best_hidden_size, test_accuracy, training_images.")]
    [TestCase("{{ metric a1.net.test_accuracy pecent }}", "'pecent' means nothing in {{ metric … }}")]
    [TestCase("{{ plot a1.net series=loss captoin=x }}", "'captoin=' means nothing in {{ plot … }}")]
    [TestCase("{{ chart a1.net }}", "'chart' is not a placeholder kind")]
    [TestCase("{{ table a1.net.sweep columns=\"A|B|C\" }}", "columns= names 3 headers, but a1.net.sweep has 2 columns")]
    [TestCase("{{ metric a1.net.test_accuracy format=\"bad }}", "has no closing \"")]
    public void A_mistake_in_a_placeholder_is_a_report_error_that_says_what_to_fix(string placeholder, string message)
    {
        var report = Render($"{placeholder}\n");
        Assert.That(report.Problems, Has.Count.EqualTo(1));
        Assert.That(report.Problems[0], Does.StartWith("report error: ").And.Contain(message));
        Assert.That(report.Html, Does.Contain("class=\"marker report-error\""));
    }

    [Test]
    public void A_figure_inside_a_sentence_is_an_error()
    {
        var report = Render("See {{ plot a1.net series=loss }} here.\n");
        Assert.That(report.Problems.Single(), Does.Contain("put it in a paragraph of its own"));
    }

    [Test]
    public void Placeholders_in_code_are_left_as_written()
    {
        const string source = "Write `{{ metric a1.net.test_accuracy }}`:\n\n```\n{{ metric a1.net.test_accuracy }}\n```\n";
        var report = Render(source);
        Assert.That(report.Markdown, Is.EqualTo(source));
        Assert.That(report.Html, Does.Contain("<code>{{ metric a1.net.test_accuracy }}</code>"));
        Assert.That(report.Problems, Is.Empty);
    }

    [Test]
    public void Front_matter_gives_the_title_and_is_not_copied_into_the_markdown()
    {
        var report = Render("---\ntitle: \"A1: fully-connected nets\"\nassignment: a1\n---\n\n# A1\n\nText.\n");
        Assert.That(report.Title, Is.EqualTo("A1: fully-connected nets"));
        Assert.That(report.FrontMatter.Get("assignment"), Is.EqualTo("a1"));
        Assert.That(report.Html, Does.Contain("<title>A1: fully-connected nets</title>"));
        Assert.That(report.Markdown, Is.EqualTo("# A1\n\nText.\n"));
    }

    [Test]
    public void The_page_has_a_table_of_contents_linking_the_sections()
    {
        var report = Render("# Report\n\n## Part 1: layers\n\n### Backward $dW$\n\n## Part 2\n");
        Assert.That(report.Html, Does.Contain("<nav class=\"toc\""));
        Assert.That(report.Html, Does.Contain("<a href=\"#part-1-layers\">Part 1: layers</a>"));
        Assert.That(report.Html, Does.Contain("<h2 id=\"part-1-layers\">"));
        Assert.That(report.Html, Does.Contain("<a href=\"#backward-\">Backward <math"));
    }

    [Test]
    public void Footnotes_tables_and_relative_images_work()
    {
        File.WriteAllBytes(Path.Combine(_folder.Path, "mine.png"), Pngs.Gray(7));
        var report = Render("A claim.[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![my plot](mine.png)\n\n[^1]: The source.\n", Path.Combine(_folder.Path, "out", "w_files"));
        Assert.That(report.Html, Does.Contain("class=\"footnote-ref\""));
        Assert.That(report.Html, Does.Contain("<td>1</td>"));
        Assert.That(report.Html, Does.Contain($"<img src=\"data:image/png;base64,{Convert.ToBase64String(Pngs.Gray(7))}\" alt=\"my plot\""));
        Assert.That(report.Markdown, Does.Contain("![my plot](a1_files/figure-1.png)"));
    }

    [Test]
    public void A_missing_relative_image_is_reported()
    {
        var report = Render("![gone](nowhere.png)\n");
        Assert.That(report.Problems.Single(), Does.StartWith("report error: the image nowhere.png is not at"));
    }

    [Test]
    public void The_same_results_give_the_same_bytes()
    {
        const string source = "# R\n\n## A\n\n{{ plot a1.net series=\"loss|validation_accuracy\" }}\n\n## B\n\n{{ table a1.net.sweep }}\n";
        var first = Render(source).Html;
        var second = Render(source).Html;
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Nan_metrics_are_read_and_shown()
    {
        using var folder = new ResultFolder().Experiment("a1.diverged", metrics: new() { ["final_loss"] = double.NaN });
        var report = ReportRenderer.Render("{{ metric a1.diverged.final_loss }}\n", folder.Load(), new ReportOptions());
        Assert.That(report.Markdown, Is.EqualTo("NaN\n"));
    }

    [Test]
    public void A_damaged_results_file_names_itself()
    {
        using var folder = new ResultFolder().Experiment("a1.net");
        File.WriteAllText(Path.Combine(folder.Path, "experiments", "a1.net", "metrics.json"), "{ not json");
        Assert.That(() => ResultSet.Load(folder.Path), Throws.InstanceOf<FormatException>().With.Message.Contain("metrics.json is not a results file"));
    }
}
