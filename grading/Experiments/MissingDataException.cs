namespace Autograder.Host.Experiments;

/// <summary>Data that the selected experiments need is missing; the message has one line per missing set, saying where it was looked for and how to get it.</summary>
internal sealed class MissingDataException : DirectoryNotFoundException
{
    public MissingDataException(string message)
        : base(message)
    {
    }

    public MissingDataException()
    {
    }

    public MissingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
