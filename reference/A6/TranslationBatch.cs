using Autograder.Tensors;

namespace Homework.A6;

/// <summary>A minibatch of sentence pairs, each sentence <c>&lt;sos&gt; words… &lt;eos&gt;</c> padded with <see cref="SpecialTokens.Padding"/>.</summary>
/// <param name="Source">German word ids, (N, S) int64.</param>
/// <param name="Target">English word ids, (N, T) int64; a model predicts words 1 … T − 1 (word 0 is always <c>&lt;sos&gt;</c>).</param>
public sealed record TranslationBatch(Tensor Source, Tensor Target);
