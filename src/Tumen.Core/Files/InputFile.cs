using System.Globalization;

namespace Tumen.Core.Files;

/// <summary>
/// Reads a file given from outside (a list, a document, a capture table) into memory, after checking
/// what it is. <see cref="File.ReadAllBytes(string)"/> trusts the path: a FIFO blocks for ever, a link
/// to <c>/dev/zero</c> reads until memory runs out, and a 3 GB file is read whole before anything
/// checks its size. Here links are resolved and the target is checked first: folders, devices and
/// system files (<c>/dev</c>, <c>/proc</c>, <c>/sys</c>), and anything whose size is not known
/// (pipes, sockets, character devices report 0) are refused without being opened, the size is
/// checked against a limit before a byte is read, and the read itself stops at the size found, so a
/// file that grows meanwhile is refused too. This is the only place outside input is read from disk;
/// it lives in Core because every area that reads outside files needs it.
/// </summary>
public static class InputFile
{
    private static readonly string[] SystemFolders = ["/dev/", "/proc/", "/sys/"];

    /// <summary>
    /// Checks <paramref name="path"/> and reads it whole, at most <paramref name="maxBytes"/> bytes; throws
    /// a <see cref="TumenException"/> (bad input) naming the file (made safe to print) and what is wrong.
    /// </summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        var (target, length) = Check(path, maxBytes);
        var name = DisplayPath.NameOf(path);
        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var bytes = new byte[length];
            var read = 0;
            while (read < bytes.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = stream.Read(bytes, read, Math.Min(bytes.Length - read, 1 << 20));
                if (n == 0)
                {
                    throw new TumenException($"{name} became shorter while it was read; nothing was read.", ExitCode.BadInput);
                }

                read += n;
            }

            if (stream.ReadByte() >= 0)
            {
                throw new TumenException($"{name} grew while it was read; nothing was read.", ExitCode.BadInput);
            }

            return bytes;
        }
        catch (IOException ex)
        {
            throw new TumenException($"{name} cannot be read ({ex.GetType().Name}).", ex, ExitCode.BadInput);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new TumenException($"{name} cannot be read (access denied).", ex, ExitCode.BadInput);
        }
    }

    /// <summary>
    /// Resolves links and checks that <paramref name="path"/> is a regular, non-empty file of at most
    /// <paramref name="maxBytes"/> bytes, without opening it; returns the resolved path and the size.
    /// </summary>
    public static (string Target, long Length) Check(string path, long maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var name = DisplayPath.NameOf(path);
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                var final = File.ResolveLinkTarget(path, returnFinalTarget: true);
                if (final is null || !final.Exists)
                {
                    throw new TumenException($"{name} is a link to a file that does not exist.", ExitCode.BadInput);
                }

                info = new FileInfo(final.FullName);
            }
        }
        catch (IOException ex)
        {
            throw new TumenException($"{name} is a link that cannot be followed ({ex.GetType().Name}).", ex, ExitCode.BadInput);
        }

        var full = info.FullName;
        if (SystemFolders.Any(folder => full.StartsWith(folder, StringComparison.Ordinal)))
        {
            throw new TumenException($"{name} is a device or system file; Tumen reads only ordinary files.", ExitCode.BadInput);
        }

        if (Directory.Exists(full))
        {
            throw new TumenException($"{name} is a folder, not a file.", ExitCode.BadInput);
        }

        if (!info.Exists)
        {
            throw new TumenException($"{name}: no such file.", ExitCode.BadInput);
        }

        if (info.Length == 0)
        {
            // Pipes, sockets and devices have no size: refused here, before an open that could block.
            throw new TumenException($"{name} is empty, or is a pipe or device (Tumen reads only ordinary files).", ExitCode.BadInput);
        }

        if (info.Length > maxBytes)
        {
            throw new TumenException(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} is {Megabytes(info.Length)} MB; files over {Megabytes(maxBytes)} MB are not read."), ExitCode.BadInput);
        }

        return (full, info.Length);
    }

    private static long Megabytes(long bytes) => (bytes + (1024 * 1024) - 1) / (1024 * 1024);
}
