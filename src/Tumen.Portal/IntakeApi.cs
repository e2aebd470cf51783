using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tumen.Intake.Mailbox;

namespace Tumen.Portal;

/// <summary>
/// What <c>tumen intake pull</c> talks to: lists and serves sealed items and takes sealed replies,
/// for the holder of the intake token only. Nothing here can open anything: the portal has no
/// private key.
/// </summary>
internal static class IntakeApi
{
    /// <summary>Largest sealed reply accepted.</summary>
    private const int MaxReplyBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/intake").AddEndpointFilter(async (context, next) =>
        {
            var folder = context.HttpContext.RequestServices.GetService(typeof(PortalFolder)) as PortalFolder;
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim() : "";
            return folder is not null && folder.IsIntakeToken(token) ? await next(context).ConfigureAwait(false) : Results.NotFound();
        });
        group.MapGet("/items", (PortalFolder folder) => Results.Text(string.Join('\n', folder.ListItems()), "text/plain; charset=utf-8"));
        group.MapGet("/items/{thread}/{item}", (string thread, string item, PortalFolder folder) =>
            folder.ReadItem(thread, item) is { } bytes ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        group.MapPut("/replies/{thread}/{item}", async (string thread, string item, HttpContext context, PortalFolder folder, PortalOptions options) =>
        {
            if (!folder.ThreadExists(thread) || !PortalFolder.IsItemName(item) || !PortalFolder.IsReply(item))
            {
                return Results.NotFound();
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            if (body.Length is 0 or > MaxReplyBytes)
            {
                return Results.BadRequest();
            }

            var today = DateOnly.FromDateTime(options.Time.GetUtcNow().UtcDateTime);
            return folder.WriteItem(thread, item, body.ToArray(), today) ? Results.NoContent() : Results.Conflict();
        }).DisableAntiforgery();
    }
}
