using System.Globalization;

namespace Autograder.Grading.Protocol;

/// <summary>How far a long probe has got: written by the worker as <c>DIR/checkId.progress</c>, polled by the host.</summary>
/// <param name="CheckId">The check.</param>
/// <param name="Fraction">How much is done, in [0, 1].</param>
/// <param name="Message">What is happening.</param>
public sealed record ProbeProgress(string CheckId, double Fraction, string Message)
{
    /// <summary>Writes "fraction message" atomically.</summary>
    public static void Save(string path, double fraction, string message)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{fraction:R} {message}"));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the progress of <paramref name="checkId"/>, or null when there is none (or it is malformed: student code could write anything).</summary>
    public static ProbeProgress? TryLoad(string path, string checkId)
    {
        try
        {
            var text = File.ReadAllText(path);
            var space = text.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || !double.TryParse(text[..space], NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || !double.IsFinite(fraction))
            {
                return null;
            }

            var message = text[(space + 1)..].ReplaceLineEndings(" ");
            return new ProbeProgress(checkId, Math.Clamp(fraction, 0, 1), message[..Math.Min(200, message.Length)]);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
