using System.Globalization;
using System.Text;

namespace Autograder.Benchmarks.Quick;

/// <summary>Writes the one-line JSON result of a quick benchmark.</summary>
internal static class Json
{
    public static string Object(params (string Key, object Value)[] fields)
    {
        var sb = new StringBuilder("{");
        foreach (var (key, value) in fields)
        {
            if (sb.Length > 1)
            {
                sb.Append(',');
            }

            sb.Append('"').Append(key).Append("\":");
            sb.Append(value is string s ? $"\"{s}\"" : Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return sb.Append('}').ToString();
    }
}
