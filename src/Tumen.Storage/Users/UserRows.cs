using Tumen.Storage.Rows;

namespace Tumen.Storage.Users;

/// <summary>
/// An account of the web application. Investigators' accounts are staff, not survivors, so the
/// user name is kept in the clear (the audit log names users by id); the TOTP secret is encrypted
/// under the workspace key and recovery codes are kept only as hashes.
/// </summary>
public sealed class UserRow : ISealedRow
{
    public Guid Id { get; set; }

    /// <summary>The login name, lower-cased NFC (unique).</summary>
    public required string UserName { get; set; }

    /// <summary>One of <see cref="UserRoles"/>.</summary>
    public required string Role { get; set; }

    /// <summary>The interface language (en, ko or zh-Hans).</summary>
    public string Culture { get; set; } = "en";

    public bool Disabled { get; set; }

    /// <summary>Argon2id hash in the PHC string form.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>Changes whenever credentials change, so every other session of the user ends.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>The encrypted TOTP secret; null until the user has enrolled an authenticator.</summary>
    public byte[]? AuthenticatorKey { get; set; }

    /// <summary>Whether the user confirmed the authenticator with a valid code.</summary>
    public bool TwoFactorEnabled { get; set; }

    /// <summary>Hex SHA-256 of each unused recovery code, separated by ';'.</summary>
    public string RecoveryCodes { get; set; } = "";

    /// <summary>Wrong passwords since the last success (throttling is per account, never per address).</summary>
    public int FailedLogins { get; set; }

    /// <summary>Unix milliseconds until which sign-in is refused, after too many wrong passwords.</summary>
    public long? LockoutEnd { get; set; }

    public long CreatedAt { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

/// <summary>An API token of a user; only its SHA-256 is stored (tokens are 256-bit random, so no slow hash is needed).</summary>
public sealed class ApiTokenRow : ISealedRow
{
    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>A label chosen by the administrator (e.g. "nightly export").</summary>
    public required string Name { get; set; }

    public required byte[] TokenHash { get; set; }

    public long CreatedAt { get; set; }

    public bool Revoked { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

/// <summary>
/// An ASP.NET Core data-protection key (it signs cookies and antiforgery tokens), kept in the
/// workspace so several servers share it, and encrypted under the workspace key so a copy of the
/// database does not let anyone forge a session.
/// </summary>
public sealed class DataProtectionKeyRow : ISealedRow
{
    public Guid Id { get; set; }

    public required string FriendlyName { get; set; }

    /// <summary>The key's XML, encrypted.</summary>
    public required byte[] Xml { get; set; }

    public long CreatedAt { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

/// <summary>One user allowed to see one restricted record; a record with any row here is hidden from everyone else.</summary>
public sealed class RecordRestrictionRow : ISealedRow
{
    public Guid Id { get; set; }

    /// <summary>The table of the restricted record (e.g. persons).</summary>
    public required string Entity { get; set; }

    public Guid RecordId { get; set; }

    public Guid UserId { get; set; }

    public long CreatedAt { get; set; }

    public byte[] Seal { get; set; } = [];

    public string RowId => Id.ToString("D");
}

/// <summary>The roles of the web application, as stored.</summary>
public static class UserRoles
{
    public const string Administrator = "administrator";
    public const string Investigator = "investigator";

    /// <summary>Aggregates and pseudonymous codes only: never names or testimony.</summary>
    public const string Analyst = "analyst";

    /// <summary>Sources, evidence and the legal view.</summary>
    public const string Legal = "legal";

    /// <summary>May add records, may not browse them.</summary>
    public const string Intake = "intake";

    public static readonly IReadOnlyList<string> All = [Administrator, Investigator, Analyst, Legal, Intake];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
