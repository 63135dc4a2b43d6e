using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Autograder.Host.Release;

/// <summary>
/// Writes Gradescope's autograder zip: the grader's sources (with the reference, the hidden checks, the fixtures and the
/// bundled data) and the two scripts Gradescope runs, <c>setup.sh</c> (once, when it builds the image: the .NET SDK,
/// bubblewrap, the grader's build) and <c>run_autograder</c> (per submission: <c>grade</c> into
/// <c>/autograder/results/results.json</c>).
/// </summary>
/// <remarks>
/// Gradescope extracts the zip into <c>/autograder/source</c>. Both scripts take their root from <c>AUTOGRADER_ROOT</c>
/// (default <c>/autograder</c>), so a test runs them against a fake tree. The zip carries the course's hidden-seed
/// secret: the one configured, or a new random one, which the instructor keeps to replay hidden inputs.
/// </remarks>
internal static class GradescopeAutograder
{
    /// <summary>What goes in, relative to the repository root (folders whole, minus build output).</summary>
    private static readonly string[] Included =
    [
        "global.json", "Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets", ".editorconfig",
        "BannedSymbols.txt", "src", "grading", "reference", "data",
    ];

    private static readonly string[] Excluded = ["/bin/", "/obj/", "data/tools/", "grading/HomeworkApi/", "grading/appsettings.json"];

    /// <summary>Writes <c>autograder.zip</c> into <paramref name="folder"/> and returns its path and whether a new secret was made.</summary>
    /// <param name="paths">The course repository.</param>
    /// <param name="folder">Where to write the zip (created if needed; an existing autograder.zip is replaced).</param>
    /// <param name="selection">The grading verb and options run_autograder passes (e.g. <c>check --assignment a1</c>).</param>
    /// <param name="secret">The course's hidden-seed secret, or null to make a new one.</param>
    public static (string Zip, bool NewSecret) Write(RepositoryPaths paths, string folder, IReadOnlyList<string> selection, string? secret)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Directory.CreateDirectory(folder);
        var zip = Path.Combine(Path.GetFullPath(folder), "autograder.zip");
        var partial = zip + ".partial";
        var newSecret = string.IsNullOrEmpty(secret);
        secret = newSecret ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : secret;
        using (var archive = ZipFile.Open(partial, ZipArchiveMode.Create))
        {
            var files = RepositoryFiles.Select(paths.Root, Included, Excluded);
            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                archive.CreateEntryFromFile(Path.Combine(paths.Root, file), file, CompressionLevel.Optimal);
            }

            var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(paths.Root, "grading", "appsettings.json")))!.AsObject();
            settings["HiddenSeedSecret"] = secret;
            Text(archive, "grading/appsettings.json", settings.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n", executable: false);
            Text(archive, "setup.sh", Setup, executable: true);
            Text(archive, "run_autograder", RunAutograder.Replace("SELECTION", string.Join(' ', selection.Select(Quote)), StringComparison.Ordinal), executable: true);
        }

        File.Move(partial, zip, overwrite: true);
        return (zip, newSecret);
    }

    private static void Text(ZipArchive archive, string name, string text, bool executable)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        // Unix mode in the high half of the external attributes: a regular file, 0755 for the scripts Gradescope executes.
        entry.ExternalAttributes = (executable ? 0b1000_000_111_101_101 : 0b1000_000_110_100_100) << 16;
        using var writer = new StreamWriter(entry.Open());
        writer.Write(text.ReplaceLineEndings("\n"));
    }

    private static string Quote(string argument) => argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private const string Setup = """
        #!/usr/bin/env bash
        # Gradescope runs this once, when it builds the autograder's image: the .NET SDK (when missing), bubblewrap, and the
        # grader's build. Written by 'autograder release --gradescope'.
        set -euo pipefail
        root=${AUTOGRADER_ROOT:-/autograder}
        if ! command -v dotnet >/dev/null; then
          apt-get update
          apt-get install -y --no-install-recommends curl ca-certificates libicu-dev
          curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
          bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /usr/share/dotnet
          ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
        fi
        if ! command -v bwrap >/dev/null; then
          apt-get install -y --no-install-recommends bubblewrap || echo "setup.sh: bubblewrap could not be installed; submissions will be graded without it." >&2
        fi
        cd "$root/source"
        dotnet build grading -c Release -nologo -v:q

        """;

    private const string RunAutograder = """
        #!/usr/bin/env bash
        # Gradescope runs this for each submission: the files in /autograder/submission are built and graded, and the grader
        # writes /autograder/results/results.json. Written by 'autograder release --gradescope'.
        set -uo pipefail
        root=${AUTOGRADER_ROOT:-/autograder}
        field() { tr -d '\n' < "$root/submission_metadata.json" | grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" | head -1 | sed 's/.*:[[:space:]]*"//; s/"$//'; }
        student=""
        if [ -f "$root/submission_metadata.json" ]; then
          student=$(field sid)
          [ -n "$student" ] || student=$(field email)
        fi
        sandbox=()
        if ! bwrap --unshare-user --unshare-pid --unshare-net --die-with-parent --ro-bind / / true >/dev/null 2>&1; then
          # Gradescope's container already holds one submission only; without user namespaces bubblewrap cannot add its own.
          echo "run_autograder: bubblewrap cannot run in this container; grading without its sandbox." >&2
          sandbox=(--no-sandbox)
        fi
        mkdir -p "$root/results"
        dotnet "$root/source/grading/bin/Release/net10.0/autograder.dll" SELECTION --repo "$root/source" --impl "$root/submission" --student-id "${student:-gradescope}" --out "$root/results" "${sandbox[@]}"
        status=$?
        if [ ! -f "$root/results/results.json" ]; then
          printf '{"score": 0, "output": "The autograder could not grade this submission (exit code %d). Please tell the course staff.", "visibility": "visible", "stdout_visibility": "visible"}\n' "$status" > "$root/results/results.json"
        fi

        """;
}
