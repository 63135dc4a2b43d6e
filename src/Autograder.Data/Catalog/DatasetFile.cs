namespace Autograder.Data.Catalog;

/// <summary>One file of a data set in the catalogue.</summary>
/// <param name="Name">The file name (relative to the set's folder; may contain '/').</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">The SHA-256 of the file as the course uses it (lower-case hex).</param>
/// <param name="Url">Where the file can be downloaded, if anywhere.</param>
/// <param name="AlternativeSha256">Another accepted SHA-256 (e.g. the official upstream file where the course's copy was rebuilt with identical content).</param>
public sealed record DatasetFile(string Name, long Bytes, string Sha256, string? Url = null, string? AlternativeSha256 = null);
