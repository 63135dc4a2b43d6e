using System.Reflection;
using Autograder.Grading.Checks;

namespace Autograder.Host.Checks;

/// <summary>Every check compiled into the host, found by reflection (non-abstract <see cref="Check"/> types), in id order.</summary>
internal static class CheckRegistry
{
    public static IReadOnlyList<Check> All { get; } =
        [.. LoadableTypes()
            .Where(t => t.IsSubclassOf(typeof(Check)) && !t.IsAbstract)
            .Select(t => (Check)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Info.Assignment, StringComparer.Ordinal)
            .ThenBy(c => c.Info.Id, StringComparer.Ordinal)];

    public static IReadOnlyDictionary<string, Check> ById { get; } = All.ToDictionary(c => c.Info.Id);

    /// <summary>Gets a factory of fresh instances by id: a worker gives each probe its own, so nothing one probe caches outlives it.</summary>
    public static IReadOnlyDictionary<string, Func<Check>> Factories { get; } =
        All.ToDictionary(c => c.Info.Id, c => (Func<Check>)(() => (Check)Activator.CreateInstance(c.GetType())!));

    /// <summary>The host's types; helpers that implement homework interfaces (e.g. a probe's own IModel) cannot load in the host, which never loads Homework, and are skipped.</summary>
    private static IEnumerable<Type> LoadableTypes()
    {
        try
        {
            return typeof(CheckRegistry).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
