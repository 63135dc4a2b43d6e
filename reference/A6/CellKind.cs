namespace Homework.A6;

/// <summary>The recurrent layer inside the Seq2Seq encoder and decoder.</summary>
public enum CellKind
{
    /// <summary>A one-layer Elman RNN (<see cref="Autograder.Tensors.NN.RNN"/>, tanh).</summary>
    Rnn,

    /// <summary>A one-layer LSTM (<see cref="Autograder.Tensors.NN.LSTM"/>).</summary>
    Lstm,
}
