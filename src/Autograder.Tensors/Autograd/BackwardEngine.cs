using Autograder.Tensors.Storage;

namespace Autograder.Tensors.Autograd;

/// <summary>Runs reverse-mode differentiation over the recorded graph, iteratively (no recursion, any depth).</summary>
/// <remarks>
/// Dependencies are counted first; a node runs once every consumer has contributed its gradient
/// (Kahn's algorithm), so each node runs once and gradients from several paths are summed first.
/// Leaves that require grad accumulate into <see cref="Tensor.Grad"/>. Intermediate gradients are the
/// engine's own: it counts the pending uses of each one's storage and hands a buffer back to the pool as
/// soon as no pending gradient uses it (never the caller's upstream gradient, never a leaf's Grad). A node whose
/// incoming gradient is such a buffer at its last use may write its result into it (<see cref="Node.MayOverwriteGradOutput"/>).
/// </remarks>
internal static class BackwardEngine
{
    public static void Run(Tensor root, Tensor gradient, bool retainGraph)
    {
        using var noGrad = GradMode.Disable();
        if (root.GradFn is not { } rootNode)
        {
            Accumulate(root, gradient);
            return;
        }

        var pending = CountDependencies(rootNode);
        var grads = new Dictionary<Node, Tensor> { [rootNode] = gradient };
        var owned = new Dictionary<TensorStorage, int>(ReferenceEqualityComparer.Instance);
        var ready = new Stack<Node>();
        ready.Push(rootNode);
        while (ready.Count > 0)
        {
            var node = ready.Pop();
            if (node.IsReleased)
            {
                ThrowHelper.Invalid(node.Name, "trying to backward through the graph a second time (or directly access saved tensors after they have already been freed); pass retainGraph: true to the first Backward call.");
            }

            var gradOut = grads[node];
            grads.Remove(node);
            var inputs = node.Inputs.ToArray();
            if (inputs is [{ GradFn: { } target }] && grads.TryGetValue(target, out var gathered) && gathered.DType == gradOut.DType
                && IsLastUseOfWholeBuffer(owned, gathered) && node.TryAccumulateInto(gathered, gradOut))
            {
                Drop(owned, gradOut);
                if (--pending[target] == 0)
                {
                    ready.Push(target);
                }

                if (!retainGraph)
                {
                    node.Release();
                }

                continue;
            }

            node.MayOverwriteGradOutput = IsLastUseOfWholeBuffer(owned, gradOut);
            Tensor?[] inputGrads;
            try
            {
                inputGrads = node.Apply(gradOut);
            }
            finally
            {
                node.MayOverwriteGradOutput = false;
            }

            foreach (var g in inputGrads)
            {
                Hold(owned, g, isNew: g is not null && !ReferenceEquals(g.Storage, gradOut.Storage));
            }

            Drop(owned, gradOut);
            for (var i = 0; i < inputs.Length; i++)
            {
                if (inputs[i] is not { } input || inputGrads[i] is not { } g)
                {
                    continue;
                }

                CheckShape(node, input, g);
                if (input.GradFn is { } next)
                {
                    if (grads.TryGetValue(next, out var sum))
                    {
                        var total = sum + g;
                        Hold(owned, total, isNew: true);
                        Drop(owned, sum);
                        Drop(owned, g);
                        grads[next] = total;
                    }
                    else
                    {
                        grads[next] = g;
                    }

                    if (--pending[next] == 0)
                    {
                        ready.Push(next);
                    }
                }
                else if (input.RequiresGrad && input.Grad is null && g.DType == input.DType && IsLastUseOfWholeBuffer(owned, g))
                {
                    // The engine's own buffer, used nowhere else: the leaf adopts it instead of a copy.
                    owned.Remove(g.Storage);
                    input.Grad = g;
                }
                else
                {
                    Accumulate(input, g);
                    Drop(owned, g);
                }
            }

            if (!retainGraph)
            {
                node.Release();
            }
        }
    }

    /// <summary>Counts one more pending use of an engine-owned gradient's storage (registering it when new).</summary>
    private static void Hold(Dictionary<TensorStorage, int> owned, Tensor? g, bool isNew)
    {
        if (g is null)
        {
            return;
        }

        if (owned.TryGetValue(g.Storage, out var count))
        {
            owned[g.Storage] = count + 1;
        }
        else if (isNew)
        {
            owned[g.Storage] = 1;
        }
    }

    /// <summary>Counts one use done; the last use of an engine-owned storage returns its buffer to the pool.</summary>
    private static void Drop(Dictionary<TensorStorage, int> owned, Tensor g)
    {
        if (owned.TryGetValue(g.Storage, out var count))
        {
            if (count <= 1)
            {
                owned.Remove(g.Storage);
                g.Storage.Release();
            }
            else
            {
                owned[g.Storage] = count - 1;
            }
        }
    }

    /// <summary>Whether g is an engine-owned gradient with no other pending use, laid out contiguously over its whole buffer.</summary>
    private static bool IsLastUseOfWholeBuffer(Dictionary<TensorStorage, int> owned, Tensor g) =>
        owned.TryGetValue(g.Storage, out var count) && count == 1 && g.IsContiguous && g.Offset == 0 && g.NumEl == g.Storage.Length;

    private static Dictionary<Node, int> CountDependencies(Node root)
    {
        var pending = new Dictionary<Node, int>();
        var visited = new HashSet<Node> { root };
        var stack = new Stack<Node>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            foreach (var input in stack.Pop().Inputs)
            {
                if (input?.GradFn is not { } next)
                {
                    continue;
                }

                pending[next] = pending.GetValueOrDefault(next) + 1;
                if (visited.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return pending;
    }

    private static void Accumulate(Tensor leaf, Tensor g)
    {
        if (!leaf.RequiresGrad)
        {
            return;
        }

        g = g.DType == leaf.DType ? g : g.To(leaf.DType);
        leaf.Grad = leaf.Grad is null ? g.Clone() : leaf.Grad + g;
    }

    private static void CheckShape(Node node, Tensor input, Tensor g)
    {
        if (!g.Shape.SequenceEqual(input.Shape))
        {
            ThrowHelper.Invalid(node.Name, $"backward returned a gradient of shape {ThrowHelper.Dims(g.Shape)} for an input of shape {ThrowHelper.Dims(input.Shape)}.");
        }
    }
}
