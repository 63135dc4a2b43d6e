namespace Autograder.Data;

/// <summary>A data file that is not what its reader expects; the message names the file, what was wrong, and what to do.</summary>
public sealed class DataFormatException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="DataFormatException"/> class.</summary>
    public DataFormatException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DataFormatException"/> class with a message.</summary>
    public DataFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DataFormatException"/> class with a message and a cause.</summary>
    public DataFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
