using System.Net;
using System.Net.Http.Headers;
using Tumen.Core;
using Tumen.Intake.Mailbox;

namespace Tumen.Application.Intake;

/// <summary>Where sealed items come from and replies go: a running portal (pull) or a copy of its folder (import).</summary>
public interface IIntakeSource
{
    /// <summary>Every item as <c>thread/item</c>.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    Task<byte[]> ReadAsync(string thread, string item, CancellationToken cancellationToken);

    /// <summary>Delivers a sealed reply to the reporter's thread.</summary>
    Task PutReplyAsync(SealedReply reply, CancellationToken cancellationToken);
}

/// <summary>A copy of a portal's folder (carried on a USB stick, say).</summary>
public sealed class FolderIntakeSource(string directory, TimeProvider time) : IIntakeSource
{
    private readonly PortalFolder _folder = new(directory);

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_folder.Root))
        {
            throw new TumenException($"{directory} does not exist.", ExitCode.BadInput);
        }

        return Task.FromResult(_folder.ListItems());
    }

    public Task<byte[]> ReadAsync(string thread, string item, CancellationToken cancellationToken) =>
        Task.FromResult(_folder.ReadItem(thread, item) ?? throw new TumenException($"item {thread}/{item} vanished from {directory}.", ExitCode.BadInput));

    public Task PutReplyAsync(SealedReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!_folder.ThreadExists(reply.Thread))
        {
            throw new TumenException($"the portal folder has no thread {reply.Thread}.", ExitCode.BadInput);
        }

        _folder.WriteItem(reply.Thread, reply.Item, reply.Sealed, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return Task.CompletedTask;
    }
}

/// <summary>A running portal, reached over HTTP(S) with the intake token.</summary>
public sealed class HttpIntakeSource(HttpClient http, Uri portal, string token) : IIntakeSource
{
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "intake/items", null, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    public async Task<byte[]> ReadAsync(string thread, string item, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, $"intake/items/{thread}/{item}", null, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task PutReplyAsync(SealedReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        using var content = new ByteArrayContent(reply.Sealed);
        using var response = await SendAsync(HttpMethod.Put, $"intake/replies/{reply.Thread}/{reply.Item}", content, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(portal, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new TumenException($"cannot reach the portal at {portal}: {ex.Message}", ex, ExitCode.Failure);
        }

        if (response.StatusCode == HttpStatusCode.NotFound && path.EndsWith("items", StringComparison.Ordinal))
        {
            response.Dispose();
            throw new TumenException($"the portal at {portal} refused the intake token (or has none installed).", ExitCode.BadInput);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new TumenException($"the portal at {portal} answered {status} to {method} {path}.", ExitCode.Failure);
        }

        return response;
    }
}

/// <summary>A reply sealed to a reporter's receipt key, ready to be filed in her thread.</summary>
public sealed record SealedReply(string Thread, string Item, byte[] Sealed);
