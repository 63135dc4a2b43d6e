using System.Text.Json;

namespace Autograder.Data.Catalog;

/// <summary>The catalogue of every data set the course uses (<c>data/datasets.json</c>): names, files, sizes, hashes, sources, licences.</summary>
public sealed class DatasetCatalog
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>Initializes a new instance of the <see cref="DatasetCatalog"/> class.</summary>
    public DatasetCatalog(IReadOnlyList<DatasetEntry> sets) => Sets = sets ?? throw new ArgumentNullException(nameof(sets));

    /// <summary>Gets the data sets.</summary>
    public IReadOnlyList<DatasetEntry> Sets { get; }

    /// <summary>Returns the set with this name, or throws listing the known names.</summary>
    public DatasetEntry this[string name] => Sets.FirstOrDefault(s => s.Name == name)
        ?? throw new KeyNotFoundException($"Data set '{name}' is not in the catalogue; known sets: {string.Join(", ", Sets.Select(s => s.Name))}.");

    /// <summary>Reads a catalogue file.</summary>
    public static DatasetCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Data catalogue '{path}' does not exist.", path);
        }

        try
        {
            var document = JsonSerializer.Deserialize<CatalogDocument>(File.ReadAllText(path), Json);
            if (document?.Sets is null || document.Sets.Any(s => string.IsNullOrEmpty(s.Name) || s.Files is null || s.Files.Any(f => string.IsNullOrEmpty(f.Name) || f.Sha256?.Length != 64)))
            {
                throw new DataFormatException($"Data catalogue {path}: every set needs a name and files, every file a name and a 64-hex-digit sha256.");
            }

            return new DatasetCatalog(document.Sets);
        }
        catch (JsonException e)
        {
            throw new DataFormatException($"Data catalogue {path}: not valid JSON ({e.Message}).", e);
        }
    }

    private sealed record CatalogDocument(List<DatasetEntry> Sets);
}
