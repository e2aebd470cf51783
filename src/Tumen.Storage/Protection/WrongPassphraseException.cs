using Tumen.Core;

namespace Tumen.Storage.Protection;

/// <summary>The passphrase does not unwrap the workspace key.</summary>
public sealed class WrongPassphraseException : TumenException
{
    public WrongPassphraseException()
        : base("the passphrase does not unlock this workspace; nothing was changed.", ExitCode.WrongPassphrase)
    {
    }

    public WrongPassphraseException(string message)
        : base(message, ExitCode.WrongPassphrase)
    {
    }

    public WrongPassphraseException(string message, Exception inner)
        : base(message, inner, ExitCode.WrongPassphrase)
    {
    }
}
