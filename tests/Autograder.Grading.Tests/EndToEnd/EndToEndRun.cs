namespace Autograder.Grading.Tests.EndToEnd;

/// <summary>Cleans up what the end-to-end tests share: the fresh clone of the README's main command.</summary>
[SetUpFixture]
public sealed class EndToEndRun
{
    [OneTimeTearDown]
    public void Delete() => FreshClone.Delete();
}
