namespace Autograder.Grading.Checks;

/// <summary>When a student sees a check's result (Gradescope's visibility values).</summary>
public enum Visibility
{
    /// <summary>Always shown; public checks also run as the student's NUnit tests.</summary>
    Visible,

    /// <summary>Never shown to the student (only its points count).</summary>
    Hidden,

    /// <summary>Shown once the due date has passed.</summary>
    AfterDueDate,
}
