using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;

namespace Tumen.Storage.Audit;

/// <summary>
/// The audit log's hash chain: each entry's MAC covers its own fields and the previous entry's MAC,
/// so changing, removing or reordering any entry breaks every MAC after it. The MAC is keyed by the
/// workspace key, so someone with write access to the database but not the passphrase cannot
/// rebuild a consistent chain. Entries of format 2 encode their fields with length prefixes
/// (<see cref="Canonical"/>); entries of format 1, written before, keep verifying as written.
/// </summary>
public sealed class AuditChain(byte[] key)
{
    /// <summary>The format new entries are written in.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The <see cref="AuditRow.Previous"/> of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The MAC an entry must carry, given its fields and its predecessor's MAC; null for a format this Tumen does not know.</summary>
    public string? ComputeHash(AuditRow entry)
    {
        byte[] input;
        switch (entry.Format)
        {
            case 1:
                input = Encoding.UTF8.GetBytes(string.Join(
                    '\u001f',
                    entry.Seq.ToString(CultureInfo.InvariantCulture),
                    entry.At.ToString(CultureInfo.InvariantCulture),
                    entry.Actor,
                    entry.Action,
                    entry.Entity,
                    entry.RecordId,
                    entry.Previous));
                break;
            case 2:
                input = new Canonical()
                    .Add("tumen/audit/v2")
                    .Add(entry.Seq)
                    .Add(entry.At)
                    .Add(entry.Actor)
                    .Add(entry.Action)
                    .Add(entry.Entity)
                    .Add(entry.RecordId)
                    .Add(entry.State)
                    .Add(entry.Previous)
                    .ToArray();
                break;
            default:
                return null;
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, input));
    }

    /// <summary>Builds the next entry after <paramref name="previous"/> (null for the first).</summary>
    public AuditRow Next(AuditRow? previous, long at, string actor, string action, string entity, string recordId, string? state = null)
    {
        var entry = new AuditRow
        {
            Seq = (previous?.Seq ?? 0) + 1,
            Format = CurrentFormat,
            At = at,
            Actor = actor,
            Action = action,
            Entity = entity,
            RecordId = recordId,
            State = state,
            Previous = previous?.Hash ?? Genesis,
            Hash = "",
        };
        entry.Hash = ComputeHash(entry)!;
        return entry;
    }

    /// <summary>
    /// The version of a row as the chain records it: a keyed digest of its seal (which covers every
    /// column) and of its search tokens, so a row put back from an older copy, or tokens copied or
    /// deleted, no longer match what the chain last recorded.
    /// </summary>
    public string RowState(byte[] seal, IEnumerable<byte[]> tokens)
    {
        var sorted = tokens.Select(Convert.ToHexStringLower).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var encoding = new Canonical().Add("tumen/row-state/v1").Add(seal).Add(sorted.Count);
        foreach (var token in sorted)
        {
            encoding.Add(token);
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, encoding.ToArray()));
    }

    /// <summary>The MAC that keeps an anchor (count and head) from being edited without the key.</summary>
    public string AnchorMac(AuditAnchor anchor) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, new Canonical().Add("tumen/audit-anchor/v1").Add(anchor.Count).Add(anchor.Head).ToArray()));

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
            if (hash is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(entry.Hash)))
            {
                return string.Create(CultureInfo.InvariantCulture, $"audit entry {entry.Seq} was altered");
            }

            _expectedPrevious = entry.Hash;
            Count = expectedSeq;
            return null;
        }
    }
}

/// <summary>
/// Where the audit chain stood at one moment: how many entries and the last one's MAC. Kept under
/// the workspace key in the workspace, written into every backup, and, by the user, anywhere else
/// (<c>tumen verify --write-anchor</c>): a chain that no longer reaches it was cut or rolled back.
/// </summary>
public sealed record AuditAnchor(long Count, string Head);
