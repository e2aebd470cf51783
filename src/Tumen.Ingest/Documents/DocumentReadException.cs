using Tumen.Core;

namespace Tumen.Ingest.Documents;

/// <summary>
/// A file that cannot be read as a document. The message names the file and what is wrong with it
/// (never its content), so an import can report it and go on with the next file.
/// </summary>
public sealed class DocumentReadException : TumenException
{
    public DocumentReadException(string message)
        : base(message, ExitCode.BadInput)
    {
    }

    public DocumentReadException(string message, Exception inner)
        : base(message, inner, ExitCode.BadInput)
    {
    }

    public DocumentReadException()
        : this("The document cannot be read.")
    {
    }
}
