using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;
using Tumen.Intake.Files;
using Tumen.Intake.Mailbox;
using Tumen.Intake.Receipts;
using Tumen.Intake.Submissions;

namespace Tumen.Portal;

/// <summary>
/// The pages a reporter uses: home, the report form, the receipt, follow-up and the safety text.
/// A refused or failed post always shows the form again with what she typed.
/// </summary>
internal sealed partial class ReportEndpoints(PortalOptions options, PortalPages pages, IntakeMailbox mailbox, PortalLimits limits, IAntiforgery antiforgery, ILogger<ReportEndpoints> logger)
{
    private const string Html = "text/html; charset=utf-8";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/{lang}");
        group.MapGet("/", (string lang, ReportEndpoints e) => e.Page(lang, l => e.Pages.Home(l)));
        group.MapGet("/safety", (string lang, ReportEndpoints e) => e.Page(lang, l => e.Pages.Safety(l)));
        group.MapGet("/report", (string lang, HttpContext c, ReportEndpoints e) => e.Page(lang, l => e.ShowReportForm(c, l)));
        group.MapPost("/report", (string lang, HttpContext c, ReportEndpoints e) => e.SubmitAsync(lang, c)).DisableAntiforgery();
        group.MapGet("/follow-up", (string lang, HttpContext c, ReportEndpoints e) => e.Page(lang, l => e.Pages.FollowUpForm(l, e.Tokens(c), "", [])));
        group.MapPost("/follow-up", (string lang, HttpContext c, ReportEndpoints e) => e.OpenThreadAsync(lang, c)).DisableAntiforgery();
        group.MapPost("/follow-up/message", (string lang, HttpContext c, ReportEndpoints e) => e.AddMessageAsync(lang, c)).DisableAntiforgery();
    }

    private PortalPages Pages => pages;

    private IResult Page(string slug, Func<PortalLanguage, string> render) =>
        PortalLanguage.Find(slug) is { } lang
            ? Results.Content(render(lang), Html)
            : Results.Content(pages.NotFound(PortalLanguage.All[0]), Html, statusCode: StatusCodes.Status404NotFound);

    private string ShowReportForm(HttpContext context, PortalLanguage lang) =>
        mailbox.IsReady ? pages.ReportForm(lang, new ReportDraft(), Tokens(context), [], filesDropped: false) : pages.Closed(lang);

    private async Task<IResult> SubmitAsync(string slug, HttpContext context)
    {
        if (PortalLanguage.Find(slug) is not { } lang)
        {
            return Page(slug, _ => "");
        }

        var form = await PostedForm.ReadAsync(context.Request, options.UploadLimitBytes, context.RequestAborted).ConfigureAwait(false);
        var draft = new ReportDraft
        {
            WhatHappened = form.Get("what"),
            Where = form.Get("where"),
            PlaceId = form.Get("place"),
            When = form.Get("when"),
            Violations = form.GetAll("violation"),
            NoContact = !string.Equals(form.Get("contact_choice"), "yes", StringComparison.Ordinal),
            Contact = form.Get("contact"),
            Consents = form.GetAll("consent"),
        }.Normalized();
        var nonce = IsNonce(form.Get("nonce")) ? form.Get("nonce") : PortalLimits.NewNonce();
        var hadFiles = form.Files.Count > 0 || form.FilesTooLarge;

        IResult Again(int status, params string[] errors) =>
            Results.Content(pages.ReportForm(lang, draft, Tokens(context, nonce), errors, hadFiles), Html, statusCode: status);

        if (form.FilesTooLarge)
        {
            return Again(StatusCodes.Status413PayloadTooLarge, lang.Format("ErrorFileTooLarge", options.UploadLimitBytes / (1024 * 1024)));
        }

        if (!await IsValidRequestAsync(context, form).ConfigureAwait(false) || form.Incomplete)
        {
            return Again(StatusCodes.Status400BadRequest, lang.Text("ErrorExpired"));
        }

        var errors = draft.Validate(Vocabulary.Default, Gazetteer.Default);
        if (errors.Count > 0)
        {
            return Again(StatusCodes.Status422UnprocessableEntity, [.. errors.Select(lang.Text)]);
        }

        if (!mailbox.IsReady)
        {
            return Again(StatusCodes.Status503ServiceUnavailable, lang.Text("ErrorClosed"));
        }

        using var lease = limits.Submissions.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            return Again(StatusCodes.Status429TooManyRequests, lang.Text("ErrorBusy"));
        }

        if (!mailbox.Folder.ClaimForm(nonce, Today()))
        {
            return Results.Content(pages.AlreadySent(lang), Html, statusCode: StatusCodes.Status409Conflict);
        }

        try
        {
            var receipt = mailbox.Submit(draft, form.Files, lang.Slug);
            LogReportSealed(logger, form.Files.Count);
            return Results.Content(pages.Receipt(lang, receipt.ToWords(lang.Labels)), Html);
        }
        catch (RejectedFileException ex)
        {
            mailbox.Folder.ReleaseForm(nonce);
            return Again(StatusCodes.Status422UnprocessableEntity, lang.Text(ex.Reason switch
            {
                RejectionReason.NotWhatItClaims => "ErrorFileMismatch",
                RejectionReason.Damaged => "ErrorFileDamaged",
                _ => "ErrorFileType",
            }));
        }
        catch
        {
            mailbox.Folder.ReleaseForm(nonce);
            throw;
        }
    }

    private async Task<IResult> OpenThreadAsync(string slug, HttpContext context)
    {
        if (PortalLanguage.Find(slug) is not { } lang)
        {
            return Page(slug, _ => "");
        }

        var form = await PostedForm.ReadAsync(context.Request, 0, context.RequestAborted).ConfigureAwait(false);
        var receiptText = form.Get("receipt").Trim();
        if (!await IsValidRequestAsync(context, form).ConfigureAwait(false))
        {
            return Results.Content(pages.FollowUpForm(lang, Tokens(context), receiptText, [lang.Text("ErrorExpired")]), Html, statusCode: StatusCodes.Status400BadRequest);
        }

        return ShowThread(context, lang, receiptText, notice: null, errors: [], message: "");
    }

    private async Task<IResult> AddMessageAsync(string slug, HttpContext context)
    {
        if (PortalLanguage.Find(slug) is not { } lang)
        {
            return Page(slug, _ => "");
        }

        var form = await PostedForm.ReadAsync(context.Request, 0, context.RequestAborted).ConfigureAwait(false);
        var receiptText = form.Get("receipt").Trim();
        var message = form.Get("message");
        if (!await IsValidRequestAsync(context, form).ConfigureAwait(false))
        {
            return ShowThread(context, lang, receiptText, null, [lang.Text("ErrorExpired")], message, StatusCodes.Status400BadRequest);
        }

        if (string.IsNullOrWhiteSpace(message) || message.Length > ReportDraft.MaxTextLength)
        {
            return ShowThread(context, lang, receiptText, null, [lang.Text(message.Length > 0 ? "ErrorTooLong" : "ErrorMessageMissing")], message, StatusCodes.Status422UnprocessableEntity);
        }

        if (!Receipt.TryParse(receiptText, out var receipt) || !IsNonce(form.Get("nonce")))
        {
            return Results.Content(pages.FollowUpForm(lang, Tokens(context), receiptText, [lang.Text("ErrorReceipt")]), Html, statusCode: StatusCodes.Status404NotFound);
        }

        using var lease = limits.FollowUps.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            return ShowThread(context, lang, receiptText, null, [lang.Text("ErrorBusy")], message, StatusCodes.Status429TooManyRequests);
        }

        var result = mailbox.AddMessage(receipt!, message, form.Get("nonce"));
        return result == MessageResult.UnknownReceipt
            ? Results.Content(pages.FollowUpForm(lang, Tokens(context), receiptText, [lang.Text("ErrorReceipt")]), Html, statusCode: StatusCodes.Status404NotFound)
            : ShowThread(context, lang, receiptText, lang.Text(result == MessageResult.Added ? "MessageSent" : "MessageAlready"), [], "");
    }

    private IResult ShowThread(HttpContext context, PortalLanguage lang, string receiptText, string? notice, IReadOnlyList<string> errors, string message, int status = StatusCodes.Status200OK)
    {
        IResult Unknown(string key, int code) =>
            Results.Content(pages.FollowUpForm(lang, Tokens(context), receiptText, [lang.Text(key)]), Html, statusCode: code);

        if (!Receipt.TryParse(receiptText, out var receipt))
        {
            return Unknown("ErrorReceipt", StatusCodes.Status404NotFound);
        }

        using var lease = limits.FollowUps.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            return Unknown("ErrorBusy", StatusCodes.Status429TooManyRequests);
        }

        var replies = mailbox.ReadReplies(receipt!);
        return replies is null
            ? Unknown("ErrorReceipt", StatusCodes.Status404NotFound)
            : Results.Content(pages.Thread(lang, Tokens(context), receiptText, replies, notice, errors, message), Html, statusCode: status);
    }

    // The body was read already (streamed, so big files are never buffered): the token read from
    // it is handed to the antiforgery check as its header.
    private async Task<bool> IsValidRequestAsync(HttpContext context, PostedForm form)
    {
        var token = form.Get("af");
        if (token.Length == 0)
        {
            return false;
        }

        context.Request.Headers["RequestVerificationToken"] = token;
        try
        {
            return await antiforgery.IsRequestValidAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private PortalPages.FormTokens Tokens(HttpContext context, string? nonce = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new PortalPages.FormTokens(tokens.FormFieldName, tokens.RequestToken ?? "", nonce ?? PortalLimits.NewNonce());
    }

    private DateOnly Today() => DateOnly.FromDateTime(options.Time.GetUtcNow().UtcDateTime);

    // Counts only: never a thread id, a time finer than the log's own, or anything she wrote.
    [LoggerMessage(Level = LogLevel.Information, Message = "report sealed with {Files} files")]
    private static partial void LogReportSealed(ILogger logger, int files);

    private static bool IsNonce(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigitLower);
}
