namespace Autograder.Tensors.NN;

/// <summary>How a loss combines per-element values.</summary>
public enum Reduction
{
    /// <summary>The per-element losses, unreduced.</summary>
    None,

    /// <summary>Their mean (over non-ignored targets, for NLL and cross-entropy).</summary>
    Mean,

    /// <summary>Their sum.</summary>
    Sum,
}
