namespace Autograder.Tensors.NN;

/// <summary>Zeroes each element with probability p in training (scaling the rest by 1/(1−p)); the identity in evaluation.</summary>
public sealed class Dropout : Module<Tensor, Tensor>
{
    private readonly Generator _generator;

    /// <summary>Initializes a new instance of the <see cref="Dropout"/> class.</summary>
    /// <param name="p">The probability of zeroing an element.</param>
    /// <param name="generator">The source of the masks (default: a generator seeded from <see cref="Init.DefaultGenerator"/>).</param>
    public Dropout(double p = 0.5, Generator? generator = null)
    {
        if (p is < 0 or > 1)
        {
            ThrowHelper.Shape("Dropout", $"dropout probability has to be between 0 and 1; got {p}.");
        }

        P = p;
        _generator = generator ?? new Generator((long)Init.DefaultGenerator.NextUInt64());
    }

    /// <summary>Gets the drop probability.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training, _generator);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"p={P}";
}
