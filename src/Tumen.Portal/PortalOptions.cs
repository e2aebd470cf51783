namespace Tumen.Portal;

/// <summary>How a portal runs: its own folder (never a workspace) and the limits that keep it serving under abuse.</summary>
public sealed record PortalOptions
{
    /// <summary>The portal's folder: the investigators' public key and sealed items only.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Largest total of files in one report; more is refused with the typed text kept.</summary>
    public long UploadLimitBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Reports accepted per minute from everyone together (no address is kept to count per person).</summary>
    public int SubmissionsPerMinute { get; init; } = 30;

    /// <summary>Receipt look-ups and messages per minute from everyone together (each costs an Argon2id derivation).</summary>
    public int FollowUpsPerMinute { get; init; } = 60;

    /// <summary>The window the two counters above count in (a minute; tests lengthen it so timing cannot matter).</summary>
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Where "leave quickly" goes: an ordinary site reachable from China.</summary>
    public Uri LeaveUrl { get; init; } = new("https://www.bing.com/");

    /// <summary>The clock (days only are kept).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
