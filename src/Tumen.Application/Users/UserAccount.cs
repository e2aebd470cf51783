namespace Tumen.Application.Users;

/// <summary>
/// An account as the application works with it: the stored row with its authenticator secret
/// decrypted. Lives only in memory for one request.
/// </summary>
public sealed class UserAccount
{
    public Guid Id { get; init; }

    public required string UserName { get; init; }

    public required string Role { get; set; }

    public string Culture { get; set; } = "en";

    public bool Disabled { get; set; }

    public required string PasswordHash { get; set; }

    public required string SecurityStamp { get; set; }

    /// <summary>The TOTP secret (base32), or null before enrolment.</summary>
    public string? AuthenticatorKey { get; set; }

    public bool TwoFactorEnabled { get; set; }

    /// <summary>Hashes of the unused recovery codes.</summary>
    public List<string> RecoveryCodeHashes { get; set; } = [];

    public int FailedLogins { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A user as listed to administrators (and by <c>tumen user list --json</c>).</summary>
public sealed record UserSummary(Guid Id, string UserName, string Role, string Culture, bool Disabled, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

/// <summary>An API token as listed (the token itself is shown once, at creation).</summary>
public sealed record ApiTokenSummary(Guid Id, Guid UserId, string Name, DateTimeOffset CreatedAt, bool Revoked);
