using Autograder.Tensors;
using Autograder.Tensors.NN;
using Autograder.Tensors.Optim;

namespace Autograder.Benchmarks.Quick;

/// <summary>The step the model benchmarks time: a training step (forward, loss, backward, optimizer step) or an evaluation pass.</summary>
internal static class TrainingStep
{
    public static Action For(Module<Tensor, Tensor> model, Optimizer optimizer, Tensor x, Tensor y, bool evaluate, Func<Tensor, Tensor, Tensor> loss) =>
        evaluate
            ? () =>
            {
                using var scope = Tensor.NoGrad();
                model.Eval();
                model.Call(x).ArgMax(1);
            }
            : () =>
            {
                model.Train();
                optimizer.ZeroGrad();
                loss(model.Call(x), y).Backward();
                optimizer.Step();
            };
}
