namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Runs <c>autograder batch</c> as a real process and reads what it wrote (grades.csv rows, each student's results).</summary>
internal static class BatchRun
{
    /// <summary>Runs the batch over <paramref name="input"/> into <paramref name="output"/>; where bubblewrap cannot run, unconfined.</summary>
    public static (int ExitCode, string Output) Run(string input, string output, params string[] extra) => Run(input, output, null, extra);

    /// <summary>Like <see cref="Run(string, string, string[])"/>, with more environment variables for the batch (and what it starts).</summary>
    public static (int ExitCode, string Output) Run(string input, string output, IReadOnlyDictionary<string, string?>? environment, params string[] extra)
    {
        var grader = Implementations.Grader();
        var unconfined = Sandbox.Bubblewrap.WhyUnavailable is not null ? new[] { "--no-sandbox" } : [];
        // A bound, so that a batch waiting on a cluster that never runs it fails the test instead of holding up the suite.
        return ChildProcess.Run(grader.FileName, [.. grader.Prefix, "batch", input, "--out", output, "--repo", Repository.Root, .. extra, .. unconfined], environment: environment, timeout: TimeSpan.FromMinutes(20));
    }

    /// <summary>grades.csv as rows of named cells (a minimal RFC 4180 reader: quoted cells may hold commas, quotes and line ends).</summary>
    public static List<Dictionary<string, string>> Grades(string output)
    {
        var rows = Parse(File.ReadAllText(Path.Combine(output, "grades.csv")));
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                cell.Append(c);
            }
        }

        return rows;
    }
}
