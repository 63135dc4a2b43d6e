using Autograder.Tensors;
using Autograder.Tensors.NN;

namespace Autograder.Host.Checks.A6;

/// <summary>
/// The training checks' stand-in translator, float64, with weights from the seed: embedding → dropout → linear at each source
/// position, read as the scores of target words 1 … T − 1 (the Transformer's way). Small, so the checks grade the training
/// code, not a model.
/// </summary>
internal sealed class ProbeTranslator : Module
{
    private readonly Embedding _embed;
    private readonly Dropout _dropout;
    private readonly Linear _output;

    public ProbeTranslator(int sourceVocabulary, int targetVocabulary, int dim, long seed)
    {
        var generator = new Generator(seed);
        _embed = new Embedding(sourceVocabulary, dim, generator: generator, dtype: DType.Float64);
        _dropout = new Dropout(0.3, new Generator(seed + 1));
        _output = new Linear(dim, targetVocabulary, generator: generator, dtype: DType.Float64);
    }

    /// <summary>Scores (N, T − 1, V) for target words 1 … T − 1 from source positions 1 … T − 1.</summary>
    public Tensor Translate(Homework.A6.TranslationBatch batch) =>
        _output.Call(_dropout.Call(_embed.Call(batch.Source.Narrow(1, 1, batch.Target.Shape[1] - 1))));
}
