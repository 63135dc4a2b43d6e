using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Homework.A3;

namespace Autograder.Host.Checks.A3;

/// <summary>Word embedding (with repeated words) and the temporal affine layer: outputs and gradients.</summary>
internal sealed class TemporalLayersCheck() : A3Check("a3.temporal_layers", "WordEmbedding and TemporalAffine: outputs and gradients", 3,
    "Homework.A3.TemporalLayers.WordEmbeddingForward", "Homework.A3.TemporalLayers.WordEmbeddingBackward",
    "Homework.A3.TemporalLayers.TemporalAffineForward", "Homework.A3.TemporalLayers.TemporalAffineBackward")
{
    /// <summary>Written by hand, as the assignment says: the library's autograd is switched off while it runs.</summary>
    protected override bool ForbidsAutograd => true;

    public override Observation Probe(ProbeContext context)
    {
        // Five words over 12 positions: some appear several times, so their gradients must add up.
        var (words, vectors) = (context.Randint(0, 5, 3, 4), context.Randn(5, 6));
        var (embedded, embedCache) = TemporalLayers.WordEmbeddingForward(words, vectors);
        var dembedded = context.Randn(3, 4, 6);
        var (x, w, b) = (context.Randn(3, 4, 6), context.Randn(6, 7), context.Randn(7));
        var (affine, affineCache) = TemporalLayers.TemporalAffineForward(x, w, b);
        var daffine = context.Randn(3, 4, 7);
        var (dx, dw, db) = TemporalLayers.TemporalAffineBackward(daffine, affineCache);
        var (dxOnes, dwOnes, dbOnes) = TemporalLayers.TemporalAffineBackward(Ones(daffine), affineCache);
        return new Observation
        {
            ["embedding"] = embedded,
            ["dW_embed"] = TemporalLayers.WordEmbeddingBackward(dembedded, embedCache),
            ["dW_embed_ones"] = TemporalLayers.WordEmbeddingBackward(Ones(dembedded), embedCache),
            ["affine"] = affine,
            ["dx"] = dx, ["dw"] = dw, ["db"] = db, ["dx_ones"] = dxOnes, ["dw_ones"] = dwOnes, ["db_ones"] = dbOnes,
        };
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var card = new Scorecard()
            .Value("embedding", student["embedding"], expected["embedding"])
            .Value("temporal affine output", student["affine"], expected["affine"]);
        return Gradients(card, student, expected, "dW_embed", "dx", "dw", "db").Verdict;
    }
}
