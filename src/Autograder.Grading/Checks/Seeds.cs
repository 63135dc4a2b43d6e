using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Autograder.Grading.Checks;

/// <summary>Seeds for checks' inputs: a fixed public seed per check, and per-student seeds for hidden checks.</summary>
/// <remarks>
/// Public seeds are a stable 63-bit FNV-1a hash of the check's id. A student's hidden seed is, when the course sets a secret,
/// HMAC-SHA256 of the student and check ids keyed by that secret, so nobody without it can work out their hidden inputs
/// offline; without a secret it is the same FNV-1a hash of the ids. Both are the same on every machine and run.
/// </remarks>
public static class Seeds
{
    /// <summary>The seed of a check's public inputs (used by its fixture and the student's own test).</summary>
    public static long Public(string checkId) => Hash($"public:{checkId}");

    /// <summary>The seed of a hidden check's inputs for one student: different per student, so answers cannot be shared or hard-coded.</summary>
    /// <param name="checkId">The check.</param>
    /// <param name="studentId">The student.</param>
    /// <param name="secret">The course's secret (grading settings); null or empty for the unkeyed hash.</param>
    public static long ForStudent(string checkId, string studentId, string? secret = null)
    {
        var text = $"student:{studentId}:{checkId}";
        if (string.IsNullOrEmpty(secret))
        {
            return Hash(text);
        }

        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
        return (long)(BinaryPrimitives.ReadUInt64LittleEndian(mac) >> 1);
    }

    /// <summary>The seed a check uses: its public seed, unless it is hidden (or shown after the due date) and a student id is known.</summary>
    /// <param name="info">The check.</param>
    /// <param name="studentId">The student, or null.</param>
    /// <param name="secret">The course's secret for hidden seeds, or null.</param>
    public static long For(CheckInfo info, string? studentId, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return info.Visibility != Visibility.Visible && studentId is { Length: > 0 } ? ForStudent(info.Id, studentId, secret) : Public(info.Id);
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
