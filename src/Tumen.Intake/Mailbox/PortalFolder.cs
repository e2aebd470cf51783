using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Tumen.Intake.Mailbox;

/// <summary>
/// The portal's data folder: the investigators' public key, the hash of the intake token, and one
/// folder per thread (named by the id derived from the receipt) holding sealed items only. Names
/// are made here, never taken from a request, and every file and folder is dated to the day so the
/// file system keeps no finer time than the reports do.
/// </summary>
public sealed partial class PortalFolder
{
    /// <summary>The investigators' public key (base64), written by <c>tumen intake keygen</c>.</summary>
    public const string PublicKeyFile = "intake.pub";

    /// <summary>SHA-256 (hex) of the token that <c>tumen intake pull</c> presents.</summary>
    public const string TokenHashFile = "intake-token.sha256";

    /// <summary>The file holding a thread's reply public key.</summary>
    public const string ReplyKeyFile = "receipt.pub";

    /// <summary>The report item of a thread.</summary>
    public const string ReportItem = "r-0.sealed";

    private const string ThreadsFolder = "threads";
    private const string FormsFolder = "forms";

    public PortalFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    private string Threads => Path.Combine(Root, ThreadsFolder);

    /// <summary>Whether <paramref name="thread"/> has the shape of a thread id (32 lowercase hex).</summary>
    public static bool IsThreadId(string? thread) => thread is not null && ThreadPattern().IsMatch(thread);

    /// <summary>Whether <paramref name="item"/> is an item name this folder could have made.</summary>
    public static bool IsItemName(string? item) => item is not null && ItemPattern().IsMatch(item);

    /// <summary>Whether <paramref name="item"/> is a reply (sealed to the reporter, not to the investigators).</summary>
    public static bool IsReply(string item) => item.StartsWith("reply-", StringComparison.Ordinal);

    /// <summary>Creates the folder (and threads/) if missing.</summary>
    public void Ensure()
    {
        Directory.CreateDirectory(Threads);
    }

    /// <summary>The investigators' public key, or null when none was installed yet.</summary>
    public byte[]? ReadPublicKey()
    {
        var path = Path.Combine(Root, PublicKeyFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return key.Length == Sealing.SealedBox.KeyLength ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Installs the investigators' public key and the intake token's hash (what keygen hands over).</summary>
    public void Install(byte[] publicKey, string token, DateOnly today)
    {
        Ensure();
        WriteAll(Path.Combine(Root, PublicKeyFile), Encoding.ASCII.GetBytes(Convert.ToBase64String(publicKey)), today, overwrite: true);
        WriteAll(Path.Combine(Root, TokenHashFile), Encoding.ASCII.GetBytes(TokenHash(token)), today, overwrite: true);
    }

    /// <summary>Whether <paramref name="token"/> is the intake token (compared in constant time).</summary>
    public bool IsIntakeToken(string? token)
    {
        var path = Path.Combine(Root, TokenHashFile);
        if (string.IsNullOrEmpty(token) || !File.Exists(path))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(File.ReadAllText(path).Trim());
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(TokenHash(token)));
    }

    /// <summary>Starts a thread; false if it exists already (a receipt collision is practically impossible; refuse it anyway).</summary>
    public bool CreateThread(string thread, byte[] replyKey, DateOnly today)
    {
        var folder = ThreadFolder(thread);
        if (Directory.Exists(folder))
        {
            return false;
        }

        Directory.CreateDirectory(folder);
        WriteAll(Path.Combine(folder, ReplyKeyFile), Encoding.ASCII.GetBytes(Convert.ToBase64String(replyKey)), today, overwrite: false);
        return true;
    }

    public bool ThreadExists(string thread) => IsThreadId(thread) && Directory.Exists(ThreadFolder(thread));

    /// <summary>The reply public key stored for a thread, or null.</summary>
    public byte[]? ReadReplyKey(string thread)
    {
        var path = Path.Combine(ThreadFolder(thread), ReplyKeyFile);
        return File.Exists(path) ? Convert.FromBase64String(File.ReadAllText(path).Trim()) : null;
    }

    /// <summary>Writes one sealed item; false if an item of that name exists (a replayed form).</summary>
    public bool WriteItem(string thread, string item, byte[] sealedBytes, DateOnly today)
    {
        if (!IsItemName(item))
        {
            throw new ArgumentException("Not an item name this folder makes.", nameof(item));
        }

        return WriteAll(Path.Combine(ThreadFolder(thread), item), sealedBytes, today, overwrite: false);
    }

    /// <summary>Every item of every thread, as <c>thread/item</c>, in a stable order.</summary>
    public IReadOnlyList<string> ListItems()
    {
        if (!Directory.Exists(Threads))
        {
            return [];
        }

        return [.. Directory.EnumerateDirectories(Threads)
            .Select(Path.GetFileName)
            .Where(IsThreadId)
            .SelectMany(t => Directory.EnumerateFiles(ThreadFolder(t!)).Select(Path.GetFileName).Where(IsItemName).Select(i => $"{t}/{i}"))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The sealed bytes of one item; null if there is none.</summary>
    public byte[]? ReadItem(string thread, string item)
    {
        if (!IsThreadId(thread) || !IsItemName(item))
        {
            return null;
        }

        var path = Path.Combine(ThreadFolder(thread), item);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>The names of a thread's replies, oldest name first.</summary>
    public IReadOnlyList<string> ListReplies(string thread) =>
        ThreadExists(thread)
            ? [.. Directory.EnumerateFiles(ThreadFolder(thread), "reply-*.sealed").Select(p => Path.GetFileName(p)!).Where(IsItemName).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// Marks a form (by its one-time nonce, hashed) as sent; false if it was sent before, so a
    /// replayed report makes no second thread.
    /// </summary>
    public bool ClaimForm(string nonce, DateOnly today)
    {
        Directory.CreateDirectory(Path.Combine(Root, FormsFolder));
        return WriteAll(FormPath(nonce), [], today, overwrite: false);
    }

    /// <summary>Releases a form claimed for a report that was then refused, so she can send it again.</summary>
    public void ReleaseForm(string nonce) => File.Delete(FormPath(nonce));

    /// <summary>SHA-256 (hex) of a token: what the portal keeps instead of the token.</summary>
    public static string TokenHash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private string FormPath(string nonce) =>
        Path.Combine(Root, FormsFolder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("form/" + nonce)))[..32]);

    private string ThreadFolder(string thread)
    {
        if (!IsThreadId(thread))
        {
            throw new ArgumentException("Not a thread id.", nameof(thread));
        }

        return Path.Combine(Threads, thread);
    }

    private static bool WriteAll(string path, byte[] bytes, DateOnly today, bool overwrite)
    {
        var temporary = path + ".part";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            var day = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(temporary, day);
            File.SetLastAccessTimeUtc(temporary, day);
            if (!overwrite && File.Exists(path))
            {
                File.Delete(temporary);
                return false;
            }

            File.Move(temporary, path, overwrite);
            var folder = Path.GetDirectoryName(path)!;
            Directory.SetLastWriteTimeUtc(folder, day);
            Directory.SetLastAccessTimeUtc(folder, day);
            return true;
        }
        catch (IOException) when (File.Exists(temporary) || File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ThreadPattern();

    [GeneratedRegex("^(r-0|a-[0-9]{1,2}|m-[0-9a-f]{32}|reply-[0-9a-f]{32})\\.sealed$", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPattern();
}
