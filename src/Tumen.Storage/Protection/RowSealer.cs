using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Reflection;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Tumen.Storage.Rows;

namespace Tumen.Storage.Protection;

/// <summary>
/// Computes a row's seal: HMAC-SHA256 over its table name and every other column, in a fixed
/// order with length prefixes, so a change to any stored byte of the row is detectable.
/// </summary>
public sealed class RowSealer(byte[] key)
{
    private readonly ConcurrentDictionary<IEntityType, (string Table, (string Name, PropertyInfo Property, bool WhenSet)[] Columns)> _layouts = new();

    /// <summary>The seal of <paramref name="row"/> as stored in table <paramref name="type"/>.</summary>
    public byte[] Compute(IEntityType type, ISealedRow row)
    {
        var (table, columns) = _layouts.GetOrAdd(type, static t => (
            t.GetTableName() ?? t.Name,
            [.. t.GetProperties()
                .Where(p => p.Name != nameof(ISealedRow.Seal) && p.PropertyInfo is not null)
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => (p.Name, p.PropertyInfo!, p.PropertyInfo!.IsDefined(typeof(SealedWhenSetAttribute), inherit: false)))]));
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Append(mac, table);
        foreach (var (name, property, whenSet) in columns)
        {
            var value = property.GetValue(row);
            if (whenSet && value is null)
            {
                continue;
            }

            Append(mac, name);
            AppendValue(mac, value);
        }

        return mac.GetHashAndReset();
    }

    /// <summary>Whether the stored seal matches the row's content.</summary>
    public bool Matches(IEntityType type, ISealedRow row) =>
        CryptographicOperations.FixedTimeEquals(Compute(type, row), row.Seal);

    private static void AppendValue(IncrementalHash mac, object? value)
    {
        switch (value)
        {
            case null:
                mac.AppendData([0]);
                break;
            case byte[] bytes:
                mac.AppendData([1]);
                AppendLength(mac, bytes.Length);
                mac.AppendData(bytes);
                break;
            case string s:
                mac.AppendData([2]);
                Append(mac, s);
                break;
            case Guid g:
                mac.AppendData([3]);
                mac.AppendData(g.ToByteArray());
                break;
            case bool b:
                mac.AppendData([4, b ? (byte)1 : (byte)0]);
                break;
            case IFormattable f:
                mac.AppendData([5]);
                Append(mac, f.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException($"Cannot seal a column of type {value.GetType().Name}.");
        }
    }

    private static void Append(IncrementalHash mac, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AppendLength(mac, bytes.Length);
        mac.AppendData(bytes);
    }

    private static void AppendLength(IncrementalHash mac, int length)
    {
        Span<byte> prefix = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, length);
        mac.AppendData(prefix);
    }
}
