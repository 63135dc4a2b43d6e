using System.Text;

namespace Autograder.Grading.Checks;

/// <summary>Seeds for checks' inputs: a fixed public seed per check, and per-student seeds for hidden checks.</summary>
/// <remarks>Both are a stable 63-bit FNV-1a hash of text, so they are the same on every machine and run.</remarks>
public static class Seeds
{
    /// <summary>The seed of a check's public inputs (used by its fixture and the student's own test).</summary>
    public static long Public(string checkId) => Hash($"public:{checkId}");

    /// <summary>The seed of a hidden check's inputs for one student: different per student, so answers cannot be shared or hard-coded.</summary>
    public static long ForStudent(string checkId, string studentId) => Hash($"student:{studentId}:{checkId}");

    /// <summary>The seed a check uses: its public seed, unless it is hidden (or shown after the due date) and a student id is known.</summary>
    public static long For(CheckInfo info, string? studentId)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.Visibility != Visibility.Visible && studentId is { Length: > 0 } ? ForStudent(info.Id, studentId) : Public(info.Id);
    }

    private static long Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (long)(hash >> 1);
    }
}
