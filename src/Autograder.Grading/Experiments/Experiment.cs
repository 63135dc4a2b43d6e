using Autograder.Grading.Checks;

namespace Autograder.Grading.Experiments;

/// <summary>A check that trains with the student's code: the probe runs the experiment in the worker and returns predictions on held-out inputs (no labels); the host scores them.</summary>
/// <remarks>
/// Unlike other checks, the expected observation is not the reference's output but the held-out truth, loaded in the host
/// (<see cref="HeldOut"/>) before any student code runs; <see cref="Check.Judge"/> computes the metric and awards points
/// against thresholds, and <see cref="Summarize"/> turns the run into the numbers, curves and tables a report shows.
/// </remarks>
public abstract class Experiment : Check
{
    /// <summary>Gets the data sets the experiment reads; the host checks that they are present before any student code runs.</summary>
    public abstract IReadOnlyList<DataRequirement> Data { get; }

    /// <summary>
    /// Computes, in the host and before any worker starts, shared inputs that are the grader's own work (say, image features
    /// of a pretrained network) into a cache that workers read but cannot write: one submission cannot poison the next's.
    /// </summary>
    /// <param name="settings">The run's settings.</param>
    public virtual void Prepare(IReadOnlyDictionary<string, string> settings)
    {
    }

    /// <summary>Loads, in the host, what the run's predictions are scored against (e.g. the test labels).</summary>
    /// <param name="settings">The run's settings (quick or full, where the data is).</param>
    public abstract Observation HeldOut(IReadOnlyDictionary<string, string> settings);

    /// <summary>The metrics, curves and tables of a completed run, for metrics.json and the report.</summary>
    /// <param name="run">What the worker returned.</param>
    /// <param name="heldOut">The held-out truth.</param>
    public abstract ExperimentSummary Summarize(Observation run, Observation heldOut);

    /// <summary>Points for a metric: full at <paramref name="target"/> or above, none at <paramref name="floor"/> or below, linear between.</summary>
    public static double Band(double value, double floor, double target) =>
        double.IsNaN(value) ? 0 : Math.Clamp((value - floor) / (target - floor), 0, 1);
}
