using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Tumen.Intake.Mailbox;
using Tumen.Intake.Sealing;

namespace Tumen.Portal.Tests;

/// <summary>
/// A real portal on Kestrel at 127.0.0.1 (port 0) over HTTP, with its own temporary folder and an
/// intake key installed, and every log line it lets through kept in a file under that folder.
/// </summary>
public sealed partial class PortalHost : IAsyncDisposable
{
    public const string IntakeToken = "test-intake-token";

    private readonly WebApplication _app;

    private PortalHost(string root, WebApplication app, IntakeKeyPair keys, FileLogger logs)
    {
        Root = root;
        _app = app;
        Keys = keys;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    /// <summary>The temporary folder holding the portal folder (<see cref="DataDirectory"/>).</summary>
    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "portal");

    public Uri BaseAddress { get; }

    /// <summary>The investigators' key pair whose public half the portal holds.</summary>
    public IntakeKeyPair Keys { get; }

    internal FileLogger Logs { get; }

    public static async Task<PortalHost> StartAsync(Func<PortalOptions, PortalOptions>? configure = null, bool installKey = true, string? root = null)
    {
        root ??= Directory.CreateTempSubdirectory("tumen-portal-").FullName;
        var data = Path.Combine(root, "portal");
        var keys = IntakeKeyPair.Generate();
        if (installKey)
        {
            new PortalFolder(data).Install(keys.PublicKey, IntakeToken, DateOnly.FromDateTime(DateTime.UnixEpoch));
        }

        var options = new PortalOptions { DataDirectory = data };
        options = configure?.Invoke(options) ?? options;
        var logs = new FileLogger(Path.Combine(data, "logs", "portal.log"));
        var app = PortalApp.Build(options, ["http://127.0.0.1:0"], logging =>
        {
            logging.AddProvider(logs);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new PortalHost(root, app, keys, logs);
    }

    /// <summary>A client that keeps the antiforgery cookie, as a browser would.</summary>
    public HttpClient Client(string? userAgent = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return client;
    }

    /// <summary>Fetches a form page and returns its hidden fields (antiforgery token and nonce).</summary>
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        return HiddenFields(html);
    }

    public static Dictionary<string, string> HiddenFields(string html) =>
        HiddenPattern().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value), StringComparer.Ordinal);

    /// <summary>Every file under the portal's folder, for canary checks on raw bytes.</summary>
    public IEnumerable<string> AllFiles() => Directory.EnumerateFiles(DataDirectory, "*", SearchOption.AllDirectories);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Logs.Dispose();
        Keys.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a browser may still hold a file; the temp folder is cleaned by the system
        }
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenPattern();
}

/// <summary>Writes every log entry the portal lets through to a file, so tests can search it like an operator's log.</summary>
internal sealed class FileLogger(string path) : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public string Path { get; } = path;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _lines.Enqueue($"{logLevel} {eventId} {formatter(state, exception)} {exception}");
        Flush();
    }

    public void Dispose() => Flush();

    private void Flush()
    {
        lock (_lines)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            while (_lines.TryDequeue(out var line))
            {
                File.AppendAllText(Path, line + "\n");
            }
        }
    }
}
