using Autograder.Tensors;

namespace Homework.A2;

/// <summary>The convolution layer from scratch (float64, no autograd), as the assignment defines it with <see cref="Convolution"/>'s operations.</summary>
/// <remarks>
/// Forward: Y[n,f] = Σ_c Filter(X[n,c], K[f,c]) + b[f].
/// Backward: dX[n,c] = Σ_f Full(dY[n,f], K[f,c]); dK[f,c] = Σ_n Filter(X[n,c], dY[n,f]); db[f] = Σ_{n,i,j} dY[n,f,i,j].
/// </remarks>
public static class ConvLayer
{
    /// <summary>The layer's forward pass.</summary>
    /// <param name="x">Inputs, (N, C, H, W).</param>
    /// <param name="k">Kernels, (F, C, h, w).</param>
    /// <param name="b">Biases, (F).</param>
    /// <returns>Y, (N, F, H − h + 1, W − w + 1), and the cache for <see cref="Backward"/>.</returns>
    public static (Tensor Out, ConvCache Cache) Forward(Tensor x, Tensor k, Tensor b)
    {
        // BEGIN SOLUTION (hint: for each n and f, sum Convolution.Filter over the channels, add b[f]; Tensor.Stack builds the result)
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(k);
        ArgumentNullException.ThrowIfNull(b);
        var (n, c, f) = (x.Shape[0], x.Shape[1], k.Shape[0]);
        var examples = new List<Tensor>();
        for (var i = 0; i < n; i++)
        {
            var maps = new List<Tensor>();
            for (var filter = 0; filter < f; filter++)
            {
                var sum = Convolution.Filter(x[i, 0], k[filter, 0]);
                for (var channel = 1; channel < c; channel++)
                {
                    sum += Convolution.Filter(x[i, channel], k[filter, channel]);
                }

                maps.Add(sum + b[filter]);
            }

            examples.Add(Tensor.Stack(maps, 0));
        }

        return (Tensor.Stack(examples, 0), new ConvCache(x, k));
        // END SOLUTION
    }

    /// <summary>The layer's backward pass.</summary>
    /// <param name="dout">dY, (N, F, H − h + 1, W − w + 1).</param>
    /// <param name="cache">The cache from <see cref="Forward"/>.</param>
    /// <returns>dX (N, C, H, W), dK (F, C, h, w) and db (F).</returns>
    public static (Tensor Dx, Tensor Dk, Tensor Db) Backward(Tensor dout, ConvCache cache)
    {
        // BEGIN SOLUTION (hint: dX[n,c] = Σ_f Full(dY[n,f], K[f,c]); dK[f,c] = Σ_n Filter(X[n,c], dY[n,f]); db sums dY over n, i and j)
        ArgumentNullException.ThrowIfNull(dout);
        ArgumentNullException.ThrowIfNull(cache);
        var (x, k) = (cache.X, cache.K);
        var (n, c, f) = (x.Shape[0], x.Shape[1], k.Shape[0]);
        var dx = new List<Tensor>();
        for (var i = 0; i < n; i++)
        {
            var channels = new List<Tensor>();
            for (var channel = 0; channel < c; channel++)
            {
                var sum = Convolution.Full(dout[i, 0], k[0, channel]);
                for (var filter = 1; filter < f; filter++)
                {
                    sum += Convolution.Full(dout[i, filter], k[filter, channel]);
                }

                channels.Add(sum);
            }

            dx.Add(Tensor.Stack(channels, 0));
        }

        var dk = new List<Tensor>();
        for (var filter = 0; filter < f; filter++)
        {
            var channels = new List<Tensor>();
            for (var channel = 0; channel < c; channel++)
            {
                var sum = Convolution.Filter(x[0, channel], dout[0, filter]);
                for (var i = 1; i < n; i++)
                {
                    sum += Convolution.Filter(x[i, channel], dout[i, filter]);
                }

                channels.Add(sum);
            }

            dk.Add(Tensor.Stack(channels, 0));
        }

        return (Tensor.Stack(dx, 0), Tensor.Stack(dk, 0), dout.Sum([0, 2, 3]));
        // END SOLUTION
    }
}
