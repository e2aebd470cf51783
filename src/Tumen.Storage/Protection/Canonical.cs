using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Tumen.Storage.Protection;

/// <summary>
/// An unambiguous byte encoding of a list of fields for MACs and associated data: each field is a
/// type tag, a 4-byte big-endian length and its bytes, so no byte can move from one field to the next
/// without changing the encoding (fields joined by a separator allow exactly that).
/// </summary>
public sealed class Canonical
{
    private readonly ArrayBufferWriter<byte> _buffer = new();

    /// <summary>Adds a text field (UTF-8), or a null marker.</summary>
    public Canonical Add(string? text) => text is null ? Null() : Field(1, Encoding.UTF8.GetBytes(text));

    /// <summary>Adds a 64-bit integer field.</summary>
    public Canonical Add(long number)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, number);
        return Field(2, bytes);
    }

    /// <summary>Adds a byte field, or a null marker.</summary>
    public Canonical Add(ReadOnlySpan<byte> bytes) => Field(3, bytes);

    /// <summary>The encoding so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    private Canonical Null()
    {
        _buffer.Write<byte>([0]);
        return this;
    }

    private Canonical Field(byte tag, ReadOnlySpan<byte> bytes)
    {
        Span<byte> prefix = stackalloc byte[5];
        prefix[0] = tag;
        BinaryPrimitives.WriteInt32BigEndian(prefix[1..], bytes.Length);
        _buffer.Write<byte>(prefix);
        _buffer.Write<byte>(bytes);
        return this;
    }
}
