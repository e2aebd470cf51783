using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Tumen.Intake.Mailbox;

namespace Tumen.Portal;

/// <summary>
/// A posted form read field by field from the stream, so that files over the limit are skipped
/// (read and dropped, never buffered or written) while every typed field is kept for showing the
/// form again. Fields come before files in the portal's forms, so even a body cut off by the
/// server's hard cap keeps them.
/// </summary>
internal sealed class PostedForm
{
    /// <summary>Longest single text field read; longer is cut here and refused by validation.</summary>
    private const int MaxFieldBytes = 256 * 1024;

    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public List<Upload> Files { get; } = [];

    /// <summary>True when files were dropped for being over the limit.</summary>
    public bool FilesTooLarge { get; private set; }

    /// <summary>True when the body ended early or was malformed (what was read is kept).</summary>
    public bool Incomplete { get; private set; }

    public string Get(string name) => _fields.TryGetValue(name, out var values) ? values[0] : "";

    public IReadOnlyList<string> GetAll(string name) => _fields.TryGetValue(name, out var values) ? values : [];

    /// <summary>Reads a urlencoded or multipart body; files beyond <paramref name="fileLimit"/> bytes in total are dropped.</summary>
    public static async Task<PostedForm> ReadAsync(HttpRequest request, long fileLimit, CancellationToken cancellationToken)
    {
        var form = new PostedForm();
        try
        {
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                await form.ReadMultipartAsync(request, HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "", fileLimit, cancellationToken).ConfigureAwait(false);
            }
            else if (request.HasFormContentType)
            {
                var fields = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (key, values) in fields)
                {
                    form._fields[key] = [.. values.Select(v => v ?? "")];
                }
            }
        }
        catch (Exception ex) when (ex is BadHttpRequestException or IOException or InvalidDataException)
        {
            // Over the server's hard cap, or a broken body: keep what was read.
            form.Incomplete = true;
            form.FilesTooLarge |= ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
        }

        return form;
    }

    private async Task ReadMultipartAsync(HttpRequest request, string boundary, long fileLimit, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 };
        long fileBytes = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition())
            {
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                var remaining = Math.Max(0, fileLimit - fileBytes);
                var (content, over) = await ReadLimitedAsync(section.Body, remaining, cancellationToken).ConfigureAwait(false);
                if (over || FilesTooLarge)
                {
                    FilesTooLarge = true;
                    continue;
                }

                fileBytes += content.Length;
                if (content.Length > 0 || fileName.Length > 0)
                {
                    if (content.Length > 0)
                    {
                        Files.Add(new Upload(content, fileName, section.ContentType));
                    }
                }

                continue;
            }

            var (bytes, _) = await ReadLimitedAsync(section.Body, MaxFieldBytes, cancellationToken).ConfigureAwait(false);
            var value = Encoding.UTF8.GetString(bytes);
            if (!_fields.TryGetValue(name, out var list))
            {
                _fields[name] = list = [];
            }

            list.Add(value);
        }
    }

    // Reads up to limit bytes; past it, reads on to the end and drops the rest (over = true).
    private static async Task<(byte[] Content, bool Over)> ReadLimitedAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var over = false;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (over)
            {
                continue;
            }

            if (buffer.Length + read > limit)
            {
                over = true;
                buffer.SetLength(0);
                continue;
            }

            buffer.Write(chunk, 0, read);
        }

        return (over ? [] : buffer.ToArray(), over);
    }
}
