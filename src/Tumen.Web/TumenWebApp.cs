using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Tumen.Application.Statistics;
using Tumen.Application.Users;
using Tumen.Core.Places;
using Tumen.Storage.Workspaces;
using Tumen.Web.Features.Account;
using Tumen.Web.Features.Api;
using Tumen.Web.Features.Culture;
using Tumen.Web.Features.Security;

namespace Tumen.Web;

/// <summary>
/// The investigators' web application over one unlocked workspace: built here once, started by
/// <c>tumen serve</c> and by the tests alike. It holds no state of its own beyond the key ring:
/// accounts, data-protection keys and the audit log live in the workspace, so several servers on
/// one PostgreSQL workspace work side by side.
/// </summary>
public static class TumenWebApp
{
    private const string RequestScheme = "tumen";

    public static WebApplication Create(Workspace workspace, TumenWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TumenWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes;
        });
        // Request paths and queries may carry a searched name: the framework logs warnings only.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The keys are encrypted by WorkspaceKeyRepository itself, under the workspace key.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);

        var services = builder.Services;
        services.AddSingleton(workspace);
        services.AddSingleton(options);
        services.AddSingleton(options.Time);
        services.AddSingleton(Gazetteer.Default);
        services.AddSingleton(new PasswordHasher(options.PasswordCost));
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<RecordRestrictions>();
        services.AddSingleton<DashboardStatistics>();
        services.AddSingleton<AuditLogQuery>();
        services.AddHttpContextAccessor();

        services.AddDataProtection().SetApplicationName("tumen");
        services.AddSingleton<WorkspaceKeyRepository>();
        services.AddOptions<KeyManagementOptions>().Configure<WorkspaceKeyRepository>((o, repository) => o.XmlRepository = repository);

        services.AddIdentity<UserAccount, TumenRole>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = 6;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutTime;
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = UserAccounts.MinimumPasswordLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddUserStore<AccountStore>()
            .AddRoleStore<RoleStore>()
            .AddTokenProvider<TotpTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddSingleton<IPasswordHasher<UserAccount>, Argon2PasswordHasher>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "tumen";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = options.IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
        });
        // Pages use the session cookie, the API only bearer tokens (so no cookie can be replayed
        // against it from another site); one policy scheme picks by path.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = RequestScheme;
                o.DefaultAuthenticateScheme = RequestScheme;
                o.DefaultChallengeScheme = RequestScheme;
                o.DefaultForbidScheme = RequestScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddPolicyScheme(RequestScheme, RequestScheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal) ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme);
        services.AddAuthorization(o => Policies.Add(o));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.All.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures.English);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddApplicationPart(typeof(TumenWebApp).Assembly);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxUploadBytes);
        // Korean and Chinese text is written as text, not as numeric entities (a third of the bytes).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddExceptionHandler<ErrorHandling>();
        services.AddOpenApi();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTumenSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/static",
            FileProvider = new EmbeddedFileProvider(typeof(TumenWebApp).Assembly, "Tumen.Web.wwwroot"),
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapCultureSwitch();
        app.MapTumenApi();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>The address the server listens on, once started (with port 0, the port chosen).</summary>
    public static Uri Address(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
