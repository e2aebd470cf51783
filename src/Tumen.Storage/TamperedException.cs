using Tumen.Core;

namespace Tumen.Storage;

/// <summary>Stored data does not match its seal, hash or ciphertext tag: it was changed outside Tumen.</summary>
public sealed class TamperedException : TumenException
{
    public TamperedException(string message)
        : base(message, ExitCode.IntegrityFailure)
    {
    }

    public TamperedException(string message, Exception inner)
        : base(message, inner, ExitCode.IntegrityFailure)
    {
    }

    public TamperedException()
        : this("stored data was altered")
    {
    }
}
