using Autograder.Grading.Checks;
using Autograder.Grading.Judging;
using Autograder.Tensors;
using Homework.A2;
using MathNet.Numerics.LinearAlgebra;

namespace Autograder.Host.Checks.A2;

/// <summary>
/// The theory question on self-attention: the student's A must give the head's attention probabilities as Softmax(X A Xᵀ)
/// on random X, have rank at most d (singular values from MathNet.Numerics' SVD), and give the same probabilities when W_Q, W_K
/// become W_Q B, W_K B⁻ᵀ for a random invertible B. Judged from the head's definition, not from the reference's A.
/// </summary>
internal sealed class TheoryAttentionCheck() : A2Check("a2.theory_attention", "Theory: self-attention as a bilinear form Softmax(X A Xᵀ)", 3,
    "Homework.A2.Answers.AttentionBilinearForm")
{
    private const int Embedding = 6;
    private const int Head = 2;

    public override Observation Probe(ProbeContext context)
    {
        var (wq, wk) = (context.Randn(Embedding, Head), context.Randn(Embedding, Head));
        var b = Tensor.Eye(Head, dtype: DType.Float64) + (context.Randn(Head, Head) * 0.3);
        var bInverseTransposed = ToTensor(ToMatrix(b).Inverse().Transpose());
        return new Observation
        {
            ["x"] = context.Randn(5, Embedding),
            ["wq"] = wq,
            ["wk"] = wk,
            ["a"] = Answers.AttentionBilinearForm(wq, wk),
            ["a_transformed"] = Answers.AttentionBilinearForm(wq.MatMul(b), wk.MatMul(bInverseTransposed)),
        };
    }

    public override Verdict Judge(Observation student, Observation expected)
    {
        var (x, a) = (student["x"], student["a"]);
        if (!a.Shape.SequenceEqual([Embedding, Embedding]))
        {
            return Verdict.Fail($"A must be n×n ({Embedding}×{Embedding} here, for W_Q, W_K of {Embedding}×{Head}); got ({string.Join(", ", a.Shape.ToArray())}).");
        }

        var head = x.MatMul(student["wq"]).MatMul(x.MatMul(student["wk"]).T) / Math.Sqrt(Head);
        var probabilities = head.Softmax(1);
        var singular = ToMatrix(a).Svd(computeVectors: false).S;
        var rank = singular.Count(s => s > 1e-9 * singular.Maximum());
        return new Scorecard()
            .Value("Softmax(X A Xᵀ) against the head's Softmax(X W_Q (X W_K)ᵀ / √d)", Probabilities(x, a), probabilities, weight: 2)
            .Property(rank <= Head, $"rank(A) is {rank}; A = W_Q (…) W_Kᵀ has rank at most d = {Head}.")
            .Value("invariance: Softmax(X A Xᵀ) with A from W_Q B and W_K B⁻ᵀ (B invertible), against A from W_Q and W_K", Probabilities(x, student["a_transformed"]), Probabilities(x, a))
            .Verdict;
    }

    private static Tensor Probabilities(Tensor x, Tensor a) => x.MatMul(a).MatMul(x.T).Softmax(1);

    private static Matrix<double> ToMatrix(Tensor t) => Matrix<double>.Build.Dense(t.Shape[0], t.Shape[1], (i, j) => t[i, j].Item());

    private static Tensor ToTensor(Matrix<double> m) => Tensor.FromArray(m.ToArray());
}
