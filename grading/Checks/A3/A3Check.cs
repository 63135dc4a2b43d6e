using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A3;

/// <summary>Shared metadata for A3's checks: assignment, visibility, and the parts composite checks may take from the reference.</summary>
internal abstract class A3Check(string id, string title, double points, Visibility visibility, params string[] targets)
    : AssignmentCheck("A3", id, title, points, visibility, targets)
{
    /// <summary>One RNN step, used by the RNN over a sequence and the captioning model.</summary>
    protected static readonly Substitution RnnStepFile = new("A3/RnnStep.cs", "Homework.A3.RnnStep");

    /// <summary>The RNN over a sequence, used by the captioning model.</summary>
    protected static readonly Substitution RnnFile = new("A3/Rnn.cs", "Homework.A3.Rnn");

    /// <summary>One LSTM step, used by the LSTM over a sequence and the captioning model.</summary>
    protected static readonly Substitution LstmStepFile = new("A3/LstmStep.cs", "Homework.A3.LstmStep");

    /// <summary>The LSTM over a sequence, used by the captioning model.</summary>
    protected static readonly Substitution LstmFile = new("A3/Lstm.cs", "Homework.A3.Lstm");

    /// <summary>Word embedding, temporal affine and the temporal softmax loss, used by the captioning model.</summary>
    protected static readonly Substitution TemporalLayersFile = new("A3/TemporalLayers.cs", "Homework.A3.TemporalLayers");

    /// <summary>Additive attention, used by the attention decoder.</summary>
    protected static readonly Substitution AdditiveAttentionFile = new("A3/AdditiveAttention.cs", "Homework.A3.AdditiveAttention");

    protected A3Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }

    /// <summary>The same tensor filled with ones: run a backward pass on it too, so the judge can recognise an ignored upstream gradient.</summary>
    protected static Autograder.Tensors.Tensor Ones(Autograder.Tensors.Tensor like) => (like * 0.0) + 1.0;

    /// <summary>Scores each named gradient against the reference (and its ones-upstream variant).</summary>
    protected static Autograder.Grading.Judging.Scorecard Gradients(Autograder.Grading.Judging.Scorecard card, Observation student, Observation expected, params string[] names)
    {
        foreach (var name in names)
        {
            card.Gradient(name, student[name], expected[name], ignoringUpstream: expected.Contains(name + "_ones") ? expected[name + "_ones"] : null);
        }

        return card;
    }
}
