using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;
using Tumen.Intake.Mailbox;

namespace Tumen.Portal;

/// <summary>
/// Builds the survivors' portal: its own process and folder, no workspace and no workspace key.
/// Nothing about who visits is kept: no addresses, user agents or times in logs (the framework's
/// request logging is off), no cookie but the antiforgery token, no server header, and counters
/// without keys for rate limits.
/// </summary>
public static class PortalApp
{
    /// <summary>
    /// A configured, not yet started portal. <paramref name="configureLogging"/> lets a host (or a
    /// test) add a log sink; the filters set here still apply to it.
    /// </summary>
    public static WebApplication Build(PortalOptions options, IReadOnlyList<string> urls, Action<ILoggingBuilder>? configureLogging = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        var folder = new PortalFolder(options.DataDirectory);
        folder.Ensure();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = folder.Root,
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
        });
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A hard cap well above the upload limit: up to it, an oversized upload is read and
            // dropped so the form can come back with her text; beyond it the connection is refused.
            kestrel.Limits.MaxRequestBodySize = (options.UploadLimitBytes * 2) + (1024 * 1024);
        });
        builder.Logging.ClearProviders();
        // Framework request and connection logs name hosts, paths and sometimes addresses: only warnings and errors pass.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        builder.Logging.AddFilter("Tumen", LogLevel.Information);
        if (configureLogging is null)
        {
            builder.Logging.AddSimpleConsole(c => c.TimestampFormat = null);
        }
        else
        {
            configureLogging(builder.Logging);
        }

        // Keys only in memory: antiforgery tokens die with the process and nothing is written to disk.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAntiforgery(a =>
        {
            a.Cookie.Name = "t";
            a.Cookie.SameSite = SameSiteMode.Strict;
            a.Cookie.HttpOnly = true;
            a.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            a.FormFieldName = "af";
            a.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(folder);
        builder.Services.AddSingleton(new IntakeMailbox(folder, options.Time));
        builder.Services.AddSingleton(new PortalPages(options, Vocabulary.Default, Gazetteer.Default));
        builder.Services.AddSingleton(new PortalLimits(options));
        builder.Services.AddSingleton<ReportEndpoints>();

        var app = builder.Build();
        app.Use(SecurityHeadersAsync);
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("500", context.RequestAborted).ConfigureAwait(false);
        }));
        app.MapGet("/portal.css", () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8"));
        app.MapGet("/", (HttpContext context) => Results.Redirect("/" + PortalLanguage.FromHeader(context.Request.Headers.AcceptLanguage.ToString()).Slug + "/"));
        ReportEndpoints.Map(app);
        IntakeApi.Map(app);
        app.MapFallback((HttpContext context) =>
        {
            var pages = context.RequestServices.GetRequiredService<PortalPages>();
            var lang = PortalLanguage.Find(context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()) ?? PortalLanguage.All[0];
            return Results.Content(pages.NotFound(lang), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });
        return app;
    }

    private static readonly Lazy<string> Stylesheet = new(() => Tumen.Core.EmbeddedText.Read(typeof(PortalApp).Assembly, "portal.css"));

    private static Task SecurityHeadersAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return next();
    }
}

/// <summary>Rate limits kept as counters without keys: nothing about who sent a request is held to count it.</summary>
internal sealed class PortalLimits(PortalOptions options)
{
    public RateLimiter Submissions { get; } = Window(options.SubmissionsPerMinute, options.RateWindow);

    public RateLimiter FollowUps { get; } = Window(options.FollowUpsPerMinute, options.RateWindow);

    /// <summary>A random one-time value for a form.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static FixedWindowRateLimiter Window(int permits, TimeSpan window) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = Math.Max(1, permits),
        Window = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
