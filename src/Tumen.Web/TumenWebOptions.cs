using Tumen.Application.Users;

namespace Tumen.Web;

/// <summary>How <c>tumen serve</c> (or a test) runs the web application.</summary>
public sealed record TumenWebOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Where Kestrel listens; <c>http://127.0.0.1:0</c> picks a free port (tests).</summary>
    public string Urls { get; init; } = DefaultUrls;

    public PasswordCost PasswordCost { get; init; } = PasswordCost.Default;

    /// <summary>A session without a request for this long ends.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>After six wrong passwords an account waits this long before the next try.</summary>
    public TimeSpan LockoutTime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 50L * 1024 * 1024;

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
