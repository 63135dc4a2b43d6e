using Autograder.Benchmarks.Quick;
using BenchmarkDotNet.Running;

// Quick mode (one case, one JSON line last) for scripts; anything else goes to BenchmarkDotNet's switcher.
if (args.Length > 0 && !args[0].StartsWith('-'))
{
    try
    {
        var options = QuickOptions.Parse(args);
        var result = options.Case switch
        {
            "gemm" => GemmQuick.Run(options),
            "conv2d" => Conv2dQuick.Run(options),
            "fashion-cnn" => FashionCnnQuick.Run(options),
            "lstm-classifier" => LstmClassifierQuick.Run(options),
            "image-decode" => ImageDecodeQuick.Run(options),
            "resnet18" => ResNet18Quick.Run(options),
            "resnet18-convs" => ResNet18ConvsQuick.Run(options),
            "transformer" => TranslatorQuick.Transformer(options),
            "seq2seq" => TranslatorQuick.Seq2Seq(options),
            _ => throw new ArgumentException($"Unknown quick case '{options.Case}'. Cases: gemm, conv2d, fashion-cnn, lstm-classifier, image-decode, resnet18, resnet18-convs, transformer, seq2seq."),
        };
        Console.WriteLine(result);
        return 0;
    }
    catch (ArgumentException e)
    {
        await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
        return 2;
    }
}

BenchmarkSwitcher.FromAssembly(typeof(QuickOptions).Assembly).Run(args);
return 0;
