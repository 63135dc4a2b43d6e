namespace Autograder.Data.Catalog;

/// <summary>One data set of the catalogue: what it is, where it comes from, its licence, and its files.</summary>
/// <param name="Name">The set's name, also its folder name.</param>
/// <param name="Description">What it holds.</param>
/// <param name="Licence">The licence as the source states it.</param>
/// <param name="Source">Where it comes from (a page or repository).</param>
/// <param name="Files">The files.</param>
/// <param name="Assignments">The assignments that use it (e.g. "A1").</param>
public sealed record DatasetEntry(string Name, string Description, string Licence, string Source, IReadOnlyList<DatasetFile> Files, IReadOnlyList<string> Assignments);
