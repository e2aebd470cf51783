using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Storage;
using Tumen.Storage.Users;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Users;

/// <summary>
/// The accounts of the web application, stored in the workspace: created and managed by
/// administrators (web page or <c>tumen user</c>), read by the sign-in machinery. Every change is a
/// sealed, audited row change in the name of <c>actor</c>.
/// </summary>
public sealed class UserAccounts(Workspace workspace, PasswordHasher hasher)
{
    /// <summary>The actor of changes the server makes on its own (failed-login counters, key rotation).</summary>
    public const string ServerActor = "web";

    public const int MinimumPasswordLength = 12;
    private const string TokenPrefix = "tmn_";

    public PasswordHasher Hasher => hasher;

    /// <summary>Creates an account; it must enrol an authenticator at its first sign-in.</summary>
    public async Task<UserAccount> CreateAsync(string actor, string userName, string role, string password, string culture, CancellationToken cancellationToken)
    {
        var name = NormaliseName(userName);
        if (!UserRoles.IsKnown(role))
        {
            throw new TumenException($"unknown role '{role}'; use one of: {string.Join(", ", UserRoles.All)}.", ErrorKind.BadInput);
        }

        ValidatePassword(password);
        await using var db = workspace.CreateContextFor(actor);
        if (await db.Users.AnyAsync(u => u.UserName == name, cancellationToken).ConfigureAwait(false))
        {
            throw new TumenException($"a user named '{name}' exists already.", ErrorKind.Conflict);
        }

        var row = new UserRow
        {
            Id = Guid.NewGuid(),
            UserName = name,
            Role = role,
            Culture = SupportedCultures.Normalise(culture),
            PasswordHash = hasher.Hash(password),
            SecurityStamp = NewStamp(),
            CreatedAt = workspace.Session.Now(),
        };
        db.Users.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToAccount(row);
    }

    public async Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(ServerActor);
        var row = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    public async Task<UserAccount?> FindByNameAsync(string userName, CancellationToken cancellationToken)
    {
        var name = userName.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        await using var db = workspace.CreateContextFor(ServerActor);
        var row = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToAccount(row);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(ServerActor);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new UserSummary(r.Id, r.UserName, r.Role, r.Culture, r.Disabled, r.TwoFactorEnabled, FromUnix(r.CreatedAt)))];
    }

    /// <summary>Writes back every changed field of <paramref name="account"/>.</summary>
    public async Task UpdateAsync(string actor, UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var db = workspace.CreateContextFor(actor);
        var row = await db.Users.SingleOrDefaultAsync(u => u.Id == account.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new TumenException($"no user {account.Id:D}.", ErrorKind.NotFound);
        if (!UserRoles.IsKnown(account.Role))
        {
            throw new TumenException($"unknown role '{account.Role}'.", ErrorKind.BadInput);
        }

        row.Role = account.Role;
        row.Culture = SupportedCultures.Normalise(account.Culture);
        row.Disabled = account.Disabled;
        row.PasswordHash = account.PasswordHash;
        row.SecurityStamp = account.SecurityStamp;
        row.TwoFactorEnabled = account.TwoFactorEnabled;
        row.RecoveryCodes = string.Join(';', account.RecoveryCodeHashes);
        row.FailedLogins = account.FailedLogins;
        row.LockoutEnd = account.LockoutEnd?.ToUnixTimeMilliseconds();
        var currentKey = row.AuthenticatorKey is null ? null : UserSecrets.UnprotectAuthenticatorKey(db.Session!, row.Id, row.AuthenticatorKey);
        if (!string.Equals(currentKey, account.AuthenticatorKey, StringComparison.Ordinal))
        {
            row.AuthenticatorKey = account.AuthenticatorKey is null ? null : UserSecrets.ProtectAuthenticatorKey(db.Session!, row.Id, account.AuthenticatorKey);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocks sign-in and ends the user's sessions (the stamp changes).</summary>
    public Task DisableAsync(string actor, string userName, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userName, a =>
        {
            a.Disabled = true;
            a.SecurityStamp = NewStamp();
        }, cancellationToken);

    /// <summary>Removes the authenticator and recovery codes: the user enrols a new phone at the next sign-in.</summary>
    public Task ResetTwoFactorAsync(string actor, string userName, CancellationToken cancellationToken) =>
        ChangeAsync(actor, userName, a =>
        {
            a.AuthenticatorKey = null;
            a.TwoFactorEnabled = false;
            a.RecoveryCodeHashes = [];
            a.SecurityStamp = NewStamp();
        }, cancellationToken);

    /// <summary>Sets a new password (ending other sessions).</summary>
    public Task SetPasswordAsync(string actor, string userName, string password, CancellationToken cancellationToken)
    {
        ValidatePassword(password);
        return ChangeAsync(actor, userName, a =>
        {
            a.PasswordHash = hasher.Hash(password);
            a.SecurityStamp = NewStamp();
            a.FailedLogins = 0;
            a.LockoutEnd = null;
        }, cancellationToken);
    }

    /// <summary>Creates an API token for a user; the token is returned once and stored only as a hash.</summary>
    public async Task<string> CreateTokenAsync(string actor, Guid userId, string name, CancellationToken cancellationToken)
    {
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using var db = workspace.CreateContextFor(actor);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken).ConfigureAwait(false))
        {
            throw new TumenException($"no user {userId:D}.", ErrorKind.NotFound);
        }

        db.ApiTokens.Add(new ApiTokenRow
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim(),
            TokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token)),
            CreatedAt = workspace.Session.Now(),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The enabled account an API token belongs to, or null for an unknown, revoked or disabled one.</summary>
    public async Task<UserAccount?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        await using var db = workspace.CreateContextFor(ServerActor);
        var row = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash && !t.Revoked, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == row.UserId && !u.Disabled, cancellationToken).ConfigureAwait(false);
        return user is null ? null : ToAccount(user);
    }

    public async Task<IReadOnlyList<ApiTokenSummary>> ListTokensAsync(CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(ServerActor);
        var rows = await db.ApiTokens.AsNoTracking().OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(t => new ApiTokenSummary(t.Id, t.UserId, t.Name, FromUnix(t.CreatedAt), t.Revoked))];
    }

    public async Task RevokeTokenAsync(string actor, Guid tokenId, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContextFor(actor);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken).ConfigureAwait(false)
            ?? throw new TumenException($"no token {tokenId:D}.", ErrorKind.NotFound);
        row.Revoked = true;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A fresh security stamp.</summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private async Task ChangeAsync(string actor, string userName, Action<UserAccount> change, CancellationToken cancellationToken)
    {
        var account = await FindByNameAsync(userName, cancellationToken).ConfigureAwait(false)
            ?? throw new TumenException($"no user named '{userName}'.", ErrorKind.NotFound);
        change(account);
        await UpdateAsync(actor, account, cancellationToken).ConfigureAwait(false);
    }

    private UserAccount ToAccount(UserRow row) => new()
    {
        Id = row.Id,
        UserName = row.UserName,
        Role = row.Role,
        Culture = row.Culture,
        Disabled = row.Disabled,
        PasswordHash = row.PasswordHash,
        SecurityStamp = row.SecurityStamp,
        AuthenticatorKey = row.AuthenticatorKey is null ? null : UserSecrets.UnprotectAuthenticatorKey(workspace.Session, row.Id, row.AuthenticatorKey),
        TwoFactorEnabled = row.TwoFactorEnabled,
        RecoveryCodeHashes = [.. row.RecoveryCodes.Split(';', StringSplitOptions.RemoveEmptyEntries)],
        FailedLogins = row.FailedLogins,
        LockoutEnd = row.LockoutEnd is { } end ? FromUnix(end) : null,
        CreatedAt = FromUnix(row.CreatedAt),
    };

    private static DateTimeOffset FromUnix(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static string NormaliseName(string userName)
    {
        var name = userName.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            throw new TumenException("a user name is 2-64 letters, digits, '.', '-' or '_'.", ErrorKind.BadInput);
        }

        return name;
    }

    private static void ValidatePassword(string password)
    {
        if (password.Length < MinimumPasswordLength)
        {
            throw new TumenException(
                string.Create(CultureInfo.InvariantCulture, $"a password must be at least {MinimumPasswordLength} characters; a long sentence is best."),
                ErrorKind.BadInput);
        }
    }
}
