using Autograder.Grading.Checks;

namespace Autograder.Host.Checks;

/// <summary>Every check compiled into the host, found by reflection (non-abstract <see cref="Check"/> types), in id order.</summary>
internal static class CheckRegistry
{
    public static IReadOnlyList<Check> All { get; } =
        [.. typeof(CheckRegistry).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Check)) && !t.IsAbstract)
            .Select(t => (Check)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Info.Assignment, StringComparer.Ordinal)
            .ThenBy(c => c.Info.Id, StringComparer.Ordinal)];

    public static IReadOnlyDictionary<string, Check> ById { get; } = All.ToDictionary(c => c.Info.Id);
}
