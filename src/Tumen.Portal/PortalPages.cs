using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;
using Tumen.Intake.Submissions;

namespace Tumen.Portal;

/// <summary>
/// The portal's pages, written as plain server-rendered HTML: no script, one small stylesheet from
/// the portal itself, every value encoded so HTML typed into a field stays text. Every page has
/// the language links and "leave quickly".
/// </summary>
internal sealed class PortalPages(PortalOptions options, Vocabulary vocabulary, Gazetteer gazetteer)
{
    // Encodes only what HTML needs; Korean and Chinese stay readable (and small) rather than entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The hidden fields of a form: the antiforgery token and a one-time nonce.</summary>
    public sealed record FormTokens(string FieldName, string Token, string Nonce);

    public string Home(PortalLanguage lang)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(lang.Text("HomeHeading"))).Append("</h1>");
        body.Append("<p>").Append(E(lang.Text("HomeIntro"))).Append("</p>");
        body.Append("<p><a href=\"/").Append(lang.Slug).Append("/report\">").Append(E(lang.Text("ReportLink"))).Append("</a></p>");
        body.Append("<p><a href=\"/").Append(lang.Slug).Append("/follow-up\">").Append(E(lang.Text("FollowUpLink"))).Append("</a></p>");
        body.Append("<p class=\"hint\">").Append(E(lang.Text("SafetyShort"))).Append("</p>");
        return Layout(lang, "", body.ToString());
    }

    public string Safety(PortalLanguage lang)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(lang.Text("SafetyLink"))).Append("</h1>");
        for (var i = 1; i <= 9; i++)
        {
            body.Append("<p>").Append(E(lang.Text(string.Create(CultureInfo.InvariantCulture, $"Safety{i}")))).Append("</p>");
        }

        return Layout(lang, "safety", body.ToString());
    }

    public string NotFound(PortalLanguage lang) =>
        Layout(lang, "", "<h1>" + E(lang.Text("NotFound")) + "</h1><p><a href=\"/" + lang.Slug + "/\">" + E(lang.Text("Home")) + "</a></p>");

    public string Closed(PortalLanguage lang) => Layout(lang, "report", "<p class=\"errors\">" + E(lang.Text("ErrorClosed")) + "</p>");

    public string ReportForm(PortalLanguage lang, ReportDraft draft, FormTokens tokens, IReadOnlyList<string> errors, bool filesDropped)
    {
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(lang.Text("ReportHeading"))).Append("</h1>");
        Errors(b, lang, errors, filesDropped);
        b.Append("<form method=\"post\" action=\"/").Append(lang.Slug).Append("/report\" enctype=\"multipart/form-data\">");
        Hidden(b, tokens);
        b.Append("<label for=\"what\">").Append(E(lang.Text("WhatLabel"))).Append("</label>");
        b.Append("<p class=\"hint\">").Append(E(lang.Text("WhatHint"))).Append("</p>");
        b.Append("<textarea id=\"what\" name=\"what\" rows=\"10\">").Append(E(draft.WhatHappened)).Append("</textarea>");
        b.Append("<label for=\"where\">").Append(E(lang.Text("WhereLabel"))).Append("</label>");
        b.Append("<input type=\"text\" id=\"where\" name=\"where\" value=\"").Append(E(draft.Where)).Append("\">");
        b.Append("<label for=\"place\">").Append(E(lang.Text("PlaceLabel"))).Append("</label>");
        b.Append("<select id=\"place\" name=\"place\"><option value=\"\">").Append(E(lang.Text("PlaceNone"))).Append("</option>");
        foreach (var place in gazetteer.Places.OrderBy(p => p.Country, StringComparer.Ordinal).ThenBy(p => p.NameEnglish, StringComparer.Ordinal))
        {
            b.Append("<option value=\"").Append(E(place.Id)).Append('"');
            if (string.Equals(place.Id, draft.PlaceId, StringComparison.Ordinal))
            {
                b.Append(" selected");
            }

            b.Append('>').Append(E(PlaceName(place, lang))).Append("</option>");
        }

        b.Append("</select>");
        b.Append("<label for=\"when\">").Append(E(lang.Text("WhenLabel"))).Append("</label>");
        b.Append("<input type=\"text\" id=\"when\" name=\"when\" value=\"").Append(E(draft.When)).Append("\">");
        b.Append("<fieldset><legend>").Append(E(lang.Text("ViolationsLabel"))).Append("</legend>");
        foreach (var term in vocabulary.Terms(Vocabulary.ViolationType))
        {
            Choice(b, "checkbox", "violation", term.Id, term.Label(lang.Labels), draft.Violations.Contains(term.Id, StringComparer.Ordinal));
        }

        b.Append("</fieldset><fieldset><legend>").Append(E(lang.Text("ContactLabel"))).Append("</legend>");
        Choice(b, "radio", "contact_choice", "none", lang.Text("ContactNone"), draft.NoContact);
        Choice(b, "radio", "contact_choice", "yes", lang.Text("ContactYes"), !draft.NoContact);
        b.Append("<input type=\"text\" name=\"contact\" aria-label=\"").Append(E(lang.Text("ContactYes"))).Append("\" value=\"").Append(E(draft.Contact)).Append("\">");
        b.Append("</fieldset><fieldset><legend>").Append(E(lang.Text("ConsentLabel"))).Append("</legend>");
        foreach (var term in vocabulary.Terms(Vocabulary.ConsentScope))
        {
            Choice(b, "checkbox", "consent", term.Id, lang.Text("Consent_" + term.Id), draft.Consents.Contains(term.Id, StringComparer.Ordinal));
        }

        b.Append("</fieldset>");
        b.Append("<label for=\"files\">").Append(E(lang.Format("FilesLabel", options.UploadLimitBytes / (1024 * 1024)))).Append("</label>");
        b.Append("<p class=\"hint\">").Append(E(lang.Text("FilesHint"))).Append("</p>");
        b.Append("<input type=\"file\" id=\"files\" name=\"files\" multiple accept=\".jpg,.jpeg,.png,.pdf,.docx\">");
        b.Append("<p><button type=\"submit\">").Append(E(lang.Text("Send"))).Append("</button></p></form>");
        return Layout(lang, "report", b.ToString());
    }

    public string Receipt(PortalLanguage lang, string words)
    {
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(lang.Text("SentHeading"))).Append("</h1>");
        b.Append("<p>").Append(E(lang.Text("ReceiptIntro"))).Append("</p>");
        b.Append("<p class=\"receipt\" id=\"receipt\">").Append(E(words)).Append("</p>");
        b.Append("<p>").Append(E(lang.Text("ReceiptAfter"))).Append("</p>");
        return Layout(lang, "report", b.ToString());
    }

    public string AlreadySent(PortalLanguage lang) => Layout(lang, "report", "<p class=\"errors\">" + E(lang.Text("AlreadySent")) + "</p>");

    public string FollowUpForm(PortalLanguage lang, FormTokens tokens, string receiptText, IReadOnlyList<string> errors)
    {
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(lang.Text("FollowUpHeading"))).Append("</h1>");
        Errors(b, lang, errors, filesDropped: false);
        b.Append("<form method=\"post\" action=\"/").Append(lang.Slug).Append("/follow-up\">");
        Hidden(b, tokens);
        b.Append("<label for=\"receipt\">").Append(E(lang.Text("ReceiptLabel"))).Append("</label>");
        b.Append("<input type=\"text\" id=\"receipt\" name=\"receipt\" autocomplete=\"off\" value=\"").Append(E(receiptText)).Append("\">");
        b.Append("<p><button type=\"submit\">").Append(E(lang.Text("Open"))).Append("</button></p></form>");
        return Layout(lang, "follow-up", b.ToString());
    }

    public string Thread(PortalLanguage lang, FormTokens tokens, string receiptText, IReadOnlyList<Reply> replies, string? notice, IReadOnlyList<string> errors, string message)
    {
        var b = new StringBuilder();
        b.Append("<h1>").Append(E(lang.Text("FollowUpHeading"))).Append("</h1>");
        if (notice is not null)
        {
            b.Append("<p id=\"notice\">").Append(E(notice)).Append("</p>");
        }

        if (replies.Count == 0)
        {
            b.Append("<p>").Append(E(lang.Text("NoReplies"))).Append("</p>");
        }

        foreach (var reply in replies)
        {
            b.Append("<section class=\"reply\"><h2>").Append(E(lang.Format("ReplyOn", reply.SentOn))).Append("</h2>").Append(E(reply.Text)).Append("</section>");
        }

        Errors(b, lang, errors, filesDropped: false);
        b.Append("<form method=\"post\" action=\"/").Append(lang.Slug).Append("/follow-up/message\">");
        Hidden(b, tokens);
        b.Append("<input type=\"hidden\" name=\"receipt\" value=\"").Append(E(receiptText)).Append("\">");
        b.Append("<label for=\"message\">").Append(E(lang.Text("MessageLabel"))).Append("</label>");
        b.Append("<p class=\"hint\">").Append(E(lang.Text("MessageHint"))).Append("</p>");
        b.Append("<textarea id=\"message\" name=\"message\" rows=\"6\">").Append(E(message)).Append("</textarea>");
        b.Append("<p><button type=\"submit\">").Append(E(lang.Text("Send"))).Append("</button></p></form>");
        return Layout(lang, "follow-up", b.ToString());
    }

    private string Layout(PortalLanguage lang, string page, string main)
    {
        var b = new StringBuilder(8192);
        b.Append("<!doctype html><html lang=\"").Append(lang.HtmlLang).Append("\"><head><meta charset=\"utf-8\">");
        b.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        b.Append("<meta name=\"referrer\" content=\"no-referrer\">");
        b.Append("<title>").Append(E(lang.Text("Title"))).Append("</title>");
        b.Append("<link rel=\"stylesheet\" href=\"/portal.css\"></head><body><header><nav>");
        foreach (var other in PortalLanguage.All)
        {
            b.Append("<a href=\"/").Append(other.Slug).Append('/').Append(page).Append("\" lang=\"").Append(other.HtmlLang).Append("\" hreflang=\"").Append(other.HtmlLang).Append('"');
            if (ReferenceEquals(other, lang))
            {
                b.Append(" aria-current=\"page\"");
            }

            b.Append('>').Append(E(other.Text("LanguageName"))).Append("</a>");
        }

        b.Append("</nav><a class=\"leave\" id=\"leave\" rel=\"noreferrer\" href=\"").Append(E(options.LeaveUrl.ToString())).Append("\">").Append(E(lang.Text("LeaveQuickly"))).Append("</a></header><main>");
        b.Append(main);
        b.Append("</main><footer><a href=\"/").Append(lang.Slug).Append("/\">").Append(E(lang.Text("Home"))).Append("</a> · <a href=\"/").Append(lang.Slug).Append("/safety\">").Append(E(lang.Text("SafetyLink"))).Append("</a></footer></body></html>");
        return b.ToString();
    }

    private static void Errors(StringBuilder b, PortalLanguage lang, IReadOnlyList<string> errors, bool filesDropped)
    {
        if (errors.Count == 0)
        {
            return;
        }

        b.Append("<div class=\"errors\" id=\"errors\" role=\"alert\"><p>").Append(E(lang.Text("ErrorsHeading"))).Append("</p><ul>");
        foreach (var error in errors)
        {
            b.Append("<li>").Append(E(error)).Append("</li>");
        }

        if (filesDropped)
        {
            b.Append("<li>").Append(E(lang.Text("ErrorFilesAgain"))).Append("</li>");
        }

        b.Append("</ul></div>");
    }

    private static void Hidden(StringBuilder b, FormTokens tokens)
    {
        b.Append("<input type=\"hidden\" name=\"").Append(E(tokens.FieldName)).Append("\" value=\"").Append(E(tokens.Token)).Append("\">");
        b.Append("<input type=\"hidden\" name=\"nonce\" value=\"").Append(E(tokens.Nonce)).Append("\">");
    }

    private static void Choice(StringBuilder b, string type, string name, string value, string label, bool isChecked)
    {
        b.Append("<label class=\"choice\"><input type=\"").Append(type).Append("\" name=\"").Append(name).Append("\" value=\"").Append(E(value)).Append('"');
        if (isChecked)
        {
            b.Append(" checked");
        }

        b.Append("> ").Append(E(label)).Append("</label>");
    }

    private static string PlaceName(Place place, PortalLanguage lang) => lang.Labels switch
    {
        "ko" => place.NameKorean,
        "zh" => place.NameChinese,
        _ => place.NameEnglish,
    };

    private static string E(string text) => Encoder.Encode(text);
}
