using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autograder.Host.Batch;

/// <summary>
/// Reads a Gradescope "Export Submissions" folder: <c>submission_metadata.yml</c> maps each <c>submission_N</c> folder to
/// its submitters (Ruby-style keys <c>:submitters</c>, <c>:name</c>, <c>:sid</c>, <c>:email</c>).
/// </summary>
/// <remarks>
/// The student's id is the first submitter's SID, else their email, else the folder's name; a group submission is graded
/// once, named after all its members. YAML is read with YamlDotNet's document model, not by hand.
/// </remarks>
internal static class GradescopeExport
{
    /// <summary>The metadata file that marks a Gradescope export.</summary>
    public const string MetadataFile = "submission_metadata.yml";

    /// <summary>The export's submissions, or null when <paramref name="folder"/> is not a Gradescope export.</summary>
    /// <exception cref="InvalidDataException">The metadata file is not the YAML Gradescope writes.</exception>
    public static List<Submission>? TryRead(string folder)
    {
        var metadata = Path.Combine(folder, MetadataFile);
        if (!File.Exists(metadata))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(metadata);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{metadata} is not valid YAML ({e.Start}: {e.Message}); export the submissions from Gradescope again.", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{metadata} does not map submission folders to their submitters; export the submissions from Gradescope again.");
        }

        var submissions = new List<Submission>();
        foreach (var (key, value) in root.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var source = Path.Combine(folder, name);
            if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name.StartsWith('.') || !(Directory.Exists(source) || File.Exists(source)))
            {
                continue;
            }

            var submitters = Field(value, "submitters") is YamlSequenceNode list ? [.. list.Children.OfType<YamlMappingNode>()] : new List<YamlMappingNode>();
            var first = submitters.FirstOrDefault();
            var id = Text(first, "sid") ?? Text(first, "email") ?? name;
            var names = submitters.Select(s => Text(s, "name")).OfType<string>().ToList();
            submissions.Add(new Submission(SubmissionDiscovery.SafeId(id), names.Count > 0 ? string.Join(" & ", names) : id, source));
        }

        return submissions;
    }

    /// <summary>A field by name, with or without Gradescope's leading colon.</summary>
    private static YamlNode? Field(YamlNode? node, string name) =>
        node is YamlMappingNode map
            ? map.Children.FirstOrDefault(p => (p.Key as YamlScalarNode)?.Value is { } k && k.TrimStart(':') == name).Value
            : null;

    private static string? Text(YamlNode? node, string name) =>
        Field(node, name) is YamlScalarNode { Value: { Length: > 0 } value } ? value.Trim() : null;
}
