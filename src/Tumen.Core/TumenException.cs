namespace Tumen.Core;

/// <summary>
/// A failure a person can act on: the message is shown as one line on stderr, so it must never
/// carry a name, testimony, contact or exact location — only ids, file names and counts.
/// </summary>
public class TumenException : Exception
{
    public TumenException(string message, ExitCode exitCode = ExitCode.Failure)
        : base(message) => ExitCode = exitCode;

    public TumenException(string message, Exception inner, ExitCode exitCode = ExitCode.Failure)
        : base(message, inner) => ExitCode = exitCode;

    public TumenException()
        : this("Tumen failed.")
    {
    }

    public TumenException(string message, Exception inner)
        : this(message, inner, ExitCode.Failure)
    {
    }

    public TumenException(string message)
        : this(message, ExitCode.Failure)
    {
    }

    /// <summary>The process exit code scripts see for this failure.</summary>
    public ExitCode ExitCode { get; }
}

/// <summary>Exit codes of the <c>tumen</c> command; part of the stable command-line contract.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>Something went wrong that is not one of the kinds below.</summary>
    Failure = 1,

    /// <summary>Bad input: a malformed file, a missing column, an unknown option value.</summary>
    BadInput = 2,

    /// <summary>The passphrase does not unlock the workspace.</summary>
    WrongPassphrase = 3,

    /// <summary>No workspace where one was expected, or one already exists where it should not.</summary>
    Workspace = 4,

    /// <summary><c>tumen verify</c> found tampering or corruption.</summary>
    IntegrityFailure = 5,

    /// <summary>A statistical answer does not exist for this input (e.g. a non-identifiable model).</summary>
    NoEstimate = 6,
}
