namespace Autograder.Host;

/// <summary>An implementation to grade, as <c>--impl</c> named it: its Homework.dll (or why there is none) and, when known, its sources.</summary>
/// <param name="Name">What the user passed (reference, starter, a folder or a dll).</param>
/// <param name="Homework">The Homework.dll to load; null when the sources did not compile.</param>
/// <param name="Sources">The folder with its .cs files (used to build hybrids with reference parts); null for a bare dll.</param>
/// <param name="CompileErrors">The compiler's errors when it did not build.</param>
internal sealed record Implementation(string Name, string? Homework, string? Sources, IReadOnlyList<string> CompileErrors);
