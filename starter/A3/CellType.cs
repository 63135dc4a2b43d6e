// Generated from reference/ by 'autograder starter sync'. Fill in the TODOs; keep the signatures, the grader calls them.
namespace Homework.A3;

/// <summary>The recurrent core of a captioning model.</summary>
public enum CellType
{
    /// <summary>The vanilla RNN (<see cref="Rnn"/>).</summary>
    Rnn,

    /// <summary>The LSTM (<see cref="Lstm"/>).</summary>
    Lstm,
}
