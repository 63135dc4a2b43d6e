using System.Text.Json;

namespace Autograder.Host.Mutation;

/// <summary>Reads the mutants of a Stryker.NET JSON report (<c>reports/mutation-report.json</c>).</summary>
internal static class StrykerReport
{
    /// <summary>Every mutant of the report in files under <paramref name="reference"/>, with paths relative to it.</summary>
    /// <param name="path">The JSON report.</param>
    /// <param name="reference">The reference folder Stryker mutated.</param>
    /// <exception cref="InvalidDataException">The file is not a Stryker JSON report.</exception>
    public static IReadOnlyList<StrykerMutant> Load(string path, string reference)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No Stryker report at {path}. Run Stryker first (README, \"Measuring the checks\"); it writes StrykerOutput/<time>/reports/mutation-report.json.", path);
        }

        using var document = ParseJson(path);
        if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{path} is not a Stryker JSON report (no \"files\" object). Give the mutation-report.json that Stryker's Json reporter writes.");
        }

        var mutants = new List<StrykerMutant>();
        foreach (var file in files.EnumerateObject())
        {
            var relative = Relative(file.Name, reference);
            foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
            {
                var location = mutant.GetProperty("location");
                mutants.Add(new StrykerMutant(
                    relative,
                    mutant.GetProperty("mutatorName").GetString() ?? "",
                    mutant.GetProperty("status").GetString() ?? "",
                    Position(location.GetProperty("start")),
                    Position(location.GetProperty("end")),
                    mutant.TryGetProperty("replacement", out var replacement) ? replacement.GetString() ?? "" : ""));
            }
        }

        return mutants;
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON ({e.Message}). Give the mutation-report.json that Stryker's Json reporter writes.", e);
        }
    }

    private static (int Line, int Column) Position(JsonElement position) => (position.GetProperty("line").GetInt32(), position.GetProperty("column").GetInt32());

    /// <summary>The report's file name (absolute where Stryker ran, or relative) as a path under the reference folder.</summary>
    private static string Relative(string name, string reference)
    {
        var normalised = name.Replace('\\', '/');
        var marker = "/" + Path.GetFileName(Path.TrimEndingDirectorySeparator(reference)) + "/";
        var at = normalised.LastIndexOf(marker, StringComparison.Ordinal);
        return at >= 0 ? normalised[(at + marker.Length)..] : normalised.TrimStart('/');
    }
}
