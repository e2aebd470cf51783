namespace Tumen.Core;

/// <summary>
/// A failure a person can act on: the message is shown as one line on stderr or as the detail of a
/// problem response, so it must never carry a name, testimony, contact or exact location — only
/// ids, file names and counts.
/// </summary>
public class TumenException : Exception
{
    public TumenException(string message, ErrorKind kind)
        : base(message) => Kind = kind;

    public TumenException(string message, Exception inner, ErrorKind kind)
        : base(message, inner) => Kind = kind;

    public TumenException(string message, ExitCode exitCode = ExitCode.Failure)
        : this(message, ErrorKinds.FromExitCode(exitCode))
    {
    }

    public TumenException(string message, Exception inner, ExitCode exitCode = ExitCode.Failure)
        : this(message, inner, ErrorKinds.FromExitCode(exitCode))
    {
    }

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

    /// <summary>What kind of failure this is; front ends map it to an exit code or an HTTP status.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The process exit code scripts see for this failure.</summary>
    public ExitCode ExitCode => ErrorKinds.ToExitCode(Kind);
}

/// <summary>The kinds of failure an operation reports, whichever front end called it.</summary>
public enum ErrorKind
{
    /// <summary>Something went wrong that is not one of the kinds below.</summary>
    Failure,

    /// <summary>Malformed input: a bad file, a missing column, an unknown option value.</summary>
    BadInput,

    /// <summary>The person, pair, source or file named does not exist (or may not be seen).</summary>
    NotFound,

    /// <summary>The request conflicts with what is stored (the same file imported twice, a name taken).</summary>
    Conflict,

    /// <summary>The actor's role does not allow this.</summary>
    Forbidden,

    /// <summary>The workspace or account is locked (throttled, disabled, or not unlocked).</summary>
    Locked,

    /// <summary>The passphrase does not unlock the workspace.</summary>
    WrongPassphrase,

    /// <summary>No workspace where one was expected, or one already exists where it should not.</summary>
    Workspace,

    /// <summary>Tampering or corruption was found.</summary>
    Integrity,

    /// <summary>A statistical answer does not exist for this input.</summary>
    NoEstimate,
}

/// <summary>The one mapping between error kinds and the command line's exit codes.</summary>
public static class ErrorKinds
{
    public static ExitCode ToExitCode(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput or ErrorKind.NotFound or ErrorKind.Conflict => ExitCode.BadInput,
        ErrorKind.WrongPassphrase => ExitCode.WrongPassphrase,
        ErrorKind.Workspace or ErrorKind.Locked => ExitCode.Workspace,
        ErrorKind.Integrity => ExitCode.IntegrityFailure,
        ErrorKind.NoEstimate => ExitCode.NoEstimate,
        _ => ExitCode.Failure,
    };

    public static ErrorKind FromExitCode(ExitCode code) => code switch
    {
        ExitCode.BadInput => ErrorKind.BadInput,
        ExitCode.WrongPassphrase => ErrorKind.WrongPassphrase,
        ExitCode.Workspace => ErrorKind.Workspace,
        ExitCode.IntegrityFailure => ErrorKind.Integrity,
        ExitCode.NoEstimate => ErrorKind.NoEstimate,
        _ => ErrorKind.Failure,
    };
}

/// <summary>Exit codes of the <c>tumen</c> command; part of the stable command-line contract.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>Something went wrong that is not one of the kinds below.</summary>
    Failure = 1,

    /// <summary>Bad input: a malformed file, a missing column, an unknown option value, an unknown id.</summary>
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
