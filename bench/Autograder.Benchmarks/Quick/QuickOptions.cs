using System.Globalization;

namespace Autograder.Benchmarks.Quick;

/// <summary>Parsed options of the quick mode: <c>CASE [--size N] [--dtype float32|float64] [--seconds S] [--batch N] [--eval] [--padded] [--cell rnn|lstm]</c>.</summary>
internal sealed record QuickOptions(string Case, int Size, string DType, double Seconds, int Batch, bool Eval, bool Padded, string Cell = "lstm")
{
    public static QuickOptions Parse(string[] args)
    {
        var options = new QuickOptions(args[0], 1024, "float32", 3.0, 64, false, false);
        for (var i = 1; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--size" => options with { Size = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--dtype" => options with { DType = Next() },
                "--seconds" => options with { Seconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--batch" => options with { Batch = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--eval" => options with { Eval = true },
                "--padded" => options with { Padded = true },
                "--cell" => options with { Cell = Next() },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --size N, --dtype float32|float64, --seconds S, --batch N, --eval, --padded, --cell rnn|lstm."),
            };
        }

        if (options.Cell is not ("rnn" or "lstm"))
        {
            throw new ArgumentException($"--cell must be rnn or lstm; got '{options.Cell}'.");
        }

        if (options.DType is not ("float32" or "float64"))
        {
            throw new ArgumentException($"--dtype must be float32 or float64; got '{options.DType}'.");
        }

        return options;
    }
}
