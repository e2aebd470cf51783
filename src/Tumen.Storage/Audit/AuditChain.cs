using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tumen.Storage.Rows;

namespace Tumen.Storage.Audit;

/// <summary>
/// The audit log's hash chain: each entry's MAC covers its own fields and the previous entry's MAC,
/// so changing, removing or reordering any entry breaks every MAC after it. The MAC is keyed by the
/// workspace key, so someone with write access to the database but not the passphrase cannot
/// rebuild a consistent chain.
/// </summary>
public sealed class AuditChain(byte[] key)
{
    /// <summary>The <see cref="AuditRow.Previous"/> of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The MAC an entry must carry, given its fields and its predecessor's MAC.</summary>
    public string ComputeHash(AuditRow entry)
    {
        var text = string.Join(
            '\u001f',
            entry.Seq.ToString(CultureInfo.InvariantCulture),
            entry.At.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.Entity,
            entry.RecordId,
            entry.Previous);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Builds the next entry after <paramref name="previous"/> (null for the first).</summary>
    public AuditRow Next(AuditRow? previous, long at, string actor, string action, string entity, string recordId)
    {
        var entry = new AuditRow
        {
            Seq = (previous?.Seq ?? 0) + 1,
            At = at,
            Actor = actor,
            Action = action,
            Entity = entity,
            RecordId = recordId,
            Previous = previous?.Hash ?? Genesis,
            Hash = "",
        };
        entry.Hash = ComputeHash(entry);
        return entry;
    }

    /// <summary>The first break in entries given in sequence order, or null when the chain is whole.</summary>
    public string? FindFirstBreak(IEnumerable<AuditRow> entriesInOrder)
    {
        var walk = new Walk(this);
        return entriesInOrder.Select(walk.Check).FirstOrDefault(problem => problem is not null);
    }

    /// <summary>Checks a chain one entry at a time, so a long log can be streamed.</summary>
    public sealed class Walk(AuditChain chain)
    {
        private string _expectedPrevious = Genesis;

        /// <summary>How many entries have been accepted.</summary>
        public long Count { get; private set; }

        /// <summary>The hash of the last accepted entry: the head to record outside the workspace.</summary>
        public string Head => _expectedPrevious;

        /// <summary>Checks the next entry; returns what is wrong with it, or null.</summary>
        public string? Check(AuditRow entry)
        {
            var expectedSeq = Count + 1;
            if (entry.Seq != expectedSeq)
            {
                return string.Create(CultureInfo.InvariantCulture, $"audit entry {expectedSeq} is missing (found {entry.Seq} next)");
            }

            if (!string.Equals(entry.Previous, _expectedPrevious, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"audit entry {entry.Seq} does not follow entry {entry.Seq - 1}");
            }

            var hash = chain.ComputeHash(entry);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(entry.Hash)))
            {
                return string.Create(CultureInfo.InvariantCulture, $"audit entry {entry.Seq} was altered");
            }

            _expectedPrevious = entry.Hash;
            Count = expectedSeq;
            return null;
        }
    }
}
