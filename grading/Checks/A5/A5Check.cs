using Autograder.Grading.Checks;

namespace Autograder.Host.Checks.A5;

/// <summary>Shared metadata for A5's checks: assignment, visibility, and the parts composite checks may take from the reference.</summary>
internal abstract class A5Check(string id, string title, double points, Visibility visibility, params string[] targets)
    : AssignmentCheck("A5", id, title, points, visibility, targets)
{
    /// <summary>The bag-of-words vectors, used by the bag-of-words model.</summary>
    public static readonly Substitution BagOfWordsFile = new("A5/BagOfWords.cs", "Homework.A5.BagOfWords");

    /// <summary>Average pooling and the last real word, used by the embedding and recurrent models.</summary>
    public static readonly Substitution PoolingFile = new("A5/SequencePooling.cs", "Homework.A5.SequencePooling");

    /// <summary>The GloVe table, used by the GloVe-initialised experiments.</summary>
    public static readonly Substitution GloveFile = new("A5/GloveEmbeddings.cs", "Homework.A5.GloveEmbeddings");

    /// <summary>One epoch of training and the predictions, used by the training loop and the experiments.</summary>
    public static readonly Substitution TrainingFile = new("A5/SentimentTraining.cs", "Homework.A5.SentimentTraining");

    /// <summary>The training loop, used by the experiments.</summary>
    public static readonly Substitution TrainingLoopFile = new("A5/TrainingLoop.cs", "Homework.A5.TrainingLoop");

    /// <summary>Every part an experiment builds on besides the model it is about.</summary>
    public static IReadOnlyList<Substitution> ExperimentParts { get; } = [BagOfWordsFile, PoolingFile, GloveFile, TrainingFile, TrainingLoopFile];

    protected A5Check(string id, string title, double points, params string[] targets)
        : this(id, title, points, Visibility.Visible, targets)
    {
    }
}
