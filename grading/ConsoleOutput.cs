using Spectre.Console;

namespace Autograder.Host;

/// <summary>
/// Chooses how the grader writes to the console: colours and live displays on a terminal, plain text (no escape codes)
/// when stdout is redirected (CI logs, a file), when <c>NO_COLOR</c> is set (https://no-color.org), or when <c>TERM</c> is <c>dumb</c>.
/// </summary>
internal static class ConsoleOutput
{
    /// <summary>Width of a plain table: wider than a terminal's default, so a CI log wraps titles less.</summary>
    private const int PlainWidth = 120;

    /// <summary>Gets a value indicating whether output is plain text: no colour, no cursor movement, no live progress.</summary>
    public static bool IsPlain { get; private set; }

    /// <summary>Decides once, at start-up, from the environment and whether stdout is a terminal.</summary>
    public static void Configure()
    {
        IsPlain = Console.IsOutputRedirected
            || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }
            || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        if (IsPlain)
        {
            // Spectre would otherwise detect CI services (GitHub Actions, …) and write colour codes into their logs.
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(Console.Out),
            });
            AnsiConsole.Profile.Width = PlainWidth;
        }
    }
}
