using System.Globalization;
using System.Net;
using System.Text;
using Autograder.Grading.Checks;
using Autograder.Grading.Exporters;
using Autograder.Reports.Html;
using Autograder.Reports.Plots;

namespace Autograder.Host.Batch;

/// <summary>
/// Writes <c>class-summary.html</c>: one self-contained page for course staff with the class's score distribution, each
/// check's pass rate, the students grouped by diagnosed mistake, a students × checks heatmap, and every submission that
/// was not graded normally with the reason.
/// </summary>
/// <remarks>Everything a submission controls (ids, names, messages) is HTML-encoded; the page runs no script (<see cref="HtmlPage.ContentSecurityPolicy"/>).</remarks>
internal static class ClassSummary
{
    /// <summary>Writes the page into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, IReadOnlyList<ClassResult> results, IReadOnlyList<Check> checks, string what)
    {
        var body = new StringBuilder();
        body.Append("<h1>Class summary</h1>\n");
        Overview(body, results);
        Distribution(body, results);
        Checks(body, results, checks);
        Mistakes(body, BugGroups.Find(results, [.. checks.Select(c => c.Info.Id)]));
        Heatmap(body, results, checks);
        NotGraded(body, results);
        var subtitle = $"{results.Count} submissions, {what}; written {DateTime.Now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";
        var path = Path.Combine(directory, "class-summary.html");
        AtomicFile.WriteAllText(path, HtmlPage.Build("Class summary", subtitle, "", body.ToString(), wide: true));
        return path;
    }

    private static void Overview(StringBuilder body, IReadOnlyList<ClassResult> results)
    {
        var percents = results.Select(r => r.Record.Percent).Order().ToList();
        body.Append("<h2 id=\"overview\">Overview</h2>\n<div class=\"table-wrap\"><table>\n<tr><th>submissions</th><th class=\"num\">count</th></tr>\n");
        foreach (var status in Enum.GetValues<BatchStatus>())
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{GradesCsv.Status(status)}</td><td class=\"num\">{results.Count(r => r.Record.Status == status)}</td></tr>\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"<tr><td>total</td><td class=\"num\">{results.Count}</td></tr>\n</table></div>\n");
        if (percents.Count > 0)
        {
            var median = percents.Count % 2 == 1 ? percents[percents.Count / 2] : (percents[(percents.Count / 2) - 1] + percents[percents.Count / 2]) / 2;
            body.Append(CultureInfo.InvariantCulture, $"<p>Score: mean {percents.Average():0.#} %, median {median:0.#} %, lowest {percents[0]:0.#} %, highest {percents[^1]:0.#} %.</p>\n");
        }
    }

    private static void Distribution(StringBuilder body, IReadOnlyList<ClassResult> results)
    {
        string[] bands = [.. Enumerable.Range(0, 10).Select(b => $"{b * 10}–{(b * 10) + 9}"), "100"];
        var counts = new double[bands.Length];
        foreach (var result in results)
        {
            counts[Math.Min(10, (int)Math.Floor(Math.Round(result.Record.Percent, 6) / 10))]++;
        }

        var chart = new BarPlot { Title = "Students per score band", XLabel = "Score (%)", YLabel = "Students", Categories = bands, Values = counts, Format = v => v.ToString("0", CultureInfo.InvariantCulture) };
        body.Append("<h2 id=\"scores\">Scores</h2>\n<figure>\n").Append(chart.ToSvg())
            .Append("\n<figcaption>How many submissions scored in each band of ten percentage points.</figcaption>\n</figure>\n");
    }

    private static void Checks(StringBuilder body, IReadOnlyList<ClassResult> results, IReadOnlyList<Check> checks)
    {
        var graded = results.Where(r => r.Checks.Count > 0).ToList();
        body.Append("<h2 id=\"checks\">Checks</h2>\n<div class=\"table-wrap\"><table>\n<tr><th>check</th><th>title</th><th class=\"num\">points</th><th class=\"num\">mean</th><th>full marks</th><th class=\"num\">not attempted</th><th class=\"num\">errored or timed out</th></tr>\n");
        foreach (var check in checks)
        {
            var scores = graded.Select(r => r.Checks.GetValueOrDefault(check.Info.Id)).OfType<StudentCheck>().ToList();
            var passed = scores.Count(s => s.MaxScore > 0 && s.Score >= s.MaxScore);
            var rate = scores.Count == 0 ? 0 : 100.0 * passed / scores.Count;
            body.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{Encode(check.Info.Id)}</code></td><td>{Encode(check.Info.Title)}</td><td class=\"num\">{check.Info.Points:0.##}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(scores.Count == 0 ? 0 : scores.Average(s => s.Score)):0.##}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"nowrap\"><span class=\"bar\" style=\"width:{rate * 0.8:0.#}px\"></span> {rate:0} % ({passed})</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{scores.Count(s => s.Outcome == "not-attempted")}</td><td class=\"num\">{scores.Count(s => s.Outcome is "errored" or "timed-out")}</td></tr>\n");
        }

        body.Append("</table></div>\n");
    }

    private static void Mistakes(StringBuilder body, IReadOnlyList<BugGroup> groups)
    {
        body.Append("<h2 id=\"mistakes\">Common mistakes</h2>\n");
        if (groups.Count == 0)
        {
            body.Append("<p>No check failed in a graded submission.</p>\n");
            return;
        }

        body.Append("<p>Failed checks grouped by their diagnosis (numbers masked, since each student's inputs differ), most students first.</p>\n")
            .Append("<div class=\"table-wrap\"><table>\n<tr><th class=\"num\">students</th><th>check</th><th>diagnosis</th><th>who</th></tr>\n");
        foreach (var group in groups.Take(60))
        {
            var who = string.Join(", ", group.Students.Take(12)) + (group.Students.Count > 12 ? $", … ({group.Students.Count - 12} more)" : "");
            body.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{group.Students.Count}</td><td><code>{Encode(group.CheckId)}</code></td><td>{Encode(group.Diagnosis)}</td><td class=\"ids\">{Encode(who)}</td></tr>\n");
        }

        body.Append("</table></div>\n");
        if (groups.Count > 60)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>… and {groups.Count - 60} rarer diagnoses (each student's summary.md has them all).</p>\n");
        }
    }

    private static void Heatmap(StringBuilder body, IReadOnlyList<ClassResult> results, IReadOnlyList<Check> checks)
    {
        body.Append("<h2 id=\"heatmap\">Students × checks</h2>\n<p>Each cell is the points a student earned on a check: green full marks, amber partial, red none, grey not attempted. Hover a cell for the outcome.</p>\n")
            .Append("<div class=\"table-wrap\"><table class=\"heatmap\">\n<tr><th>student</th><th class=\"num\">%</th>");
        foreach (var check in checks)
        {
            body.Append(CultureInfo.InvariantCulture, $"<th class=\"check\" title=\"{Encode(check.Info.Title)}\">{Encode(check.Info.Id)}</th>");
        }

        body.Append("</tr>\n");
        foreach (var (record, scores) in results)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><th><a href=\"students/{Uri.EscapeDataString(record.Id)}/summary.md\">{Encode(record.Id)}</a></th><td class=\"num\">{record.Percent:0}</td>");
            foreach (var check in checks)
            {
                var score = scores.GetValueOrDefault(check.Info.Id);
                var (background, text) = Colour(score);
                var label = score is null ? "" : score.Score.ToString("0.##", CultureInfo.InvariantCulture);
                var title = score is null ? "not graded" : $"{record.Id} · {check.Info.Id}: {score.Score:0.##} / {score.MaxScore:0.##} ({score.Outcome})";
                body.Append(CultureInfo.InvariantCulture, $"<td class=\"cell\" style=\"background:{background};color:{text}\" title=\"{Encode(title)}\">{label}</td>");
            }

            body.Append("</tr>\n");
        }

        body.Append("</table></div>\n");
    }

    private static void NotGraded(StringBuilder body, IReadOnlyList<ClassResult> results)
    {
        var others = results.Where(r => r.Record.Status != BatchStatus.Graded).ToList();
        body.Append("<h2 id=\"not-graded\">Not graded normally</h2>\n");
        if (others.Count == 0)
        {
            body.Append("<p>Every submission built and was graded.</p>\n");
            return;
        }

        body.Append("<p>Timed-out and grader-failed submissions are graded again when the batch is rerun.</p>\n<div class=\"table-wrap\"><table>\n<tr><th>student</th><th>status</th><th>reason</th></tr>\n");
        foreach (var record in others.Select(r => r.Record))
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(record.Id)}</td><td>{GradesCsv.Status(record.Status)}</td><td class=\"reason\">{Encode(record.Reason.Length > 600 ? record.Reason[..600] + " …" : record.Reason)}</td></tr>\n");
        }

        body.Append("</table></div>\n");
    }

    /// <summary>The cell's colours: red (none) through amber to green (full marks), grey when not attempted or not graded.</summary>
    private static (string Background, string Text) Colour(StudentCheck? score)
    {
        if (score is null || score.Outcome == "not-attempted")
        {
            return ("#e3e3e3", "#333");
        }

        var fraction = score.MaxScore > 0 ? Math.Clamp(score.Score / score.MaxScore, 0, 1) : 1;
        (int R, int G, int B) red = (0xd7, 0x30, 0x27), amber = (0xfd, 0xae, 0x61), green = (0x1a, 0x98, 0x50);
        var (from, to, t) = fraction < 0.5 ? (red, amber, fraction * 2) : (amber, green, (fraction - 0.5) * 2);
        var (r, g, b) = ((int)Math.Round(from.R + ((to.R - from.R) * t)), (int)Math.Round(from.G + ((to.G - from.G) * t)), (int)Math.Round(from.B + ((to.B - from.B) * t)));
        var luminance = ((0.2126 * r) + (0.7152 * g) + (0.0722 * b)) / 255;
        return ($"#{r:x2}{g:x2}{b:x2}", luminance > 0.55 ? "#111" : "#fff");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
