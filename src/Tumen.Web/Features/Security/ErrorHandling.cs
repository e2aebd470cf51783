using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tumen.Core;

namespace Tumen.Web.Features.Security;

/// <summary>
/// Turns every failure into RFC 9457 problem details. A <see cref="TumenException"/> carries a
/// message written to be shown (ids and counts only); any other exception is reported by kind and
/// trace id only, because a library's message may quote stored content.
/// </summary>
public sealed class ErrorHandling(IProblemDetailsService problems, ILogger<ErrorHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (status, title, detail) = exception switch
        {
            TumenException t => (StatusOf(t.Kind), t.Kind.ToString(), t.Message),
            BadHttpRequestException b => (b.StatusCode, "Bad request", "The request could not be read."),
            OperationCanceledException => (StatusCodes.Status499ClientClosedRequest, "Cancelled", "The request was cancelled."),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server could not complete the request; nothing partial was kept."),
        };
        logger.LogError("Request {TraceId} failed with {Kind}", httpContext.TraceIdentifier, exception.GetType().Name);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = httpContext.Request.Path },
        }).ConfigureAwait(false);
    }

    /// <summary>The HTTP status for each kind of failure (the command line maps the same kinds to exit codes).</summary>
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden or ErrorKind.WrongPassphrase => StatusCodes.Status403Forbidden,
        ErrorKind.Locked => StatusCodes.Status423Locked,
        ErrorKind.NoEstimate => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Workspace => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
