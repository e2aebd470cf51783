using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Tumen.Application.Users;
using Tumen.Storage.Users;

namespace Tumen.Web.Features.Account;

/// <summary>A role of the web application, for ASP.NET Core Identity (the set is fixed: <see cref="UserRoles"/>).</summary>
public sealed record TumenRole(string Name);

/// <summary>
/// ASP.NET Core Identity's view of the workspace's accounts: each call goes to
/// <see cref="UserAccounts"/>, which seals, audits and encrypts. Changes are audited in the name of
/// the signed-in user, or of the server for sign-in bookkeeping (failed-password counters).
/// </summary>
public sealed class AccountStore(UserAccounts accounts, IHttpContextAccessor http) :
    IUserPasswordStore<UserAccount>,
    IUserSecurityStampStore<UserAccount>,
    IUserRoleStore<UserAccount>,
    IUserLockoutStore<UserAccount>,
    IUserTwoFactorStore<UserAccount>,
    IUserAuthenticatorKeyStore<UserAccount>,
    IUserTwoFactorRecoveryCodeStore<UserAccount>
{
    public void Dispose()
    {
    }

    public Task<string> GetUserIdAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString("D"));

    public Task<string?> GetUserNameAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(UserAccount user, string? userName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("User names do not change.");

    public Task<string?> GetNormalizedUserNameAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.UserName.ToUpperInvariant());

    public Task SetNormalizedUserNameAsync(UserAccount user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IdentityResult> CreateAsync(UserAccount user, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Accounts are created through UserAccounts.");

    public async Task<IdentityResult> UpdateAsync(UserAccount user, CancellationToken cancellationToken)
    {
        await accounts.UpdateAsync(Actor(), user, cancellationToken).ConfigureAwait(false);
        return IdentityResult.Success;
    }

    public Task<IdentityResult> DeleteAsync(UserAccount user, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Accounts are disabled, never deleted (the audit log names them).");

    public Task<UserAccount?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Guid.TryParse(userId, out var id) ? accounts.FindByIdAsync(id, cancellationToken) : Task.FromResult<UserAccount?>(null);

    public Task<UserAccount?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        accounts.FindByNameAsync(normalizedUserName, cancellationToken);

    public Task SetPasswordHashAsync(UserAccount user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash ?? throw new ArgumentNullException(nameof(passwordHash));
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.PasswordHash);

    public Task<bool> HasPasswordAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetSecurityStampAsync(UserAccount user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task AddToRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken)
    {
        user.Role = roleName.ToLowerInvariant();
        return Task.CompletedTask;
    }

    public Task RemoveFromRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Every account has exactly one role; set another instead.");

    public Task<IList<string>> GetRolesAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>(user.Disabled ? [] : [user.Role]);

    public Task<bool> IsInRoleAsync(UserAccount user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(!user.Disabled && string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase));

    public Task<IList<UserAccount>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(UserAccount user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Disabled ? DateTimeOffset.MaxValue : user.LockoutEnd);

    public Task SetLockoutEndDateAsync(UserAccount user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(++user.FailedLogins);

    public Task ResetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken)
    {
        user.FailedLogins = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.FailedLogins);

    public Task<bool> GetLockoutEnabledAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(UserAccount user, bool enabled, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetTwoFactorEnabledAsync(UserAccount user, bool enabled, CancellationToken cancellationToken)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    /// <summary>Always true: every account signs in with a second factor (one without an authenticator enrols first).</summary>
    public Task<bool> GetTwoFactorEnabledAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task SetAuthenticatorKeyAsync(UserAccount user, string key, CancellationToken cancellationToken)
    {
        user.AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(UserAccount user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        user.RecoveryCodeHashes = [.. recoveryCodes.Select(RecoveryCodes.HashOf)];
        return Task.CompletedTask;
    }

    public Task<bool> RedeemCodeAsync(UserAccount user, string code, CancellationToken cancellationToken)
    {
        var hash = RecoveryCodes.HashOf(code);
        return Task.FromResult(user.RecoveryCodeHashes.Remove(hash));
    }

    public Task<int> CountCodesAsync(UserAccount user, CancellationToken cancellationToken) => Task.FromResult(user.RecoveryCodeHashes.Count);

    private string Actor() =>
        http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && Guid.TryParse(id, out var userId)
            ? ActorContexts.UserActor(userId)
            : UserAccounts.ServerActor;
}

/// <summary>The fixed roles, for Identity's role manager.</summary>
public sealed class RoleStore : IRoleStore<TumenRole>
{
    public void Dispose()
    {
    }

    public Task<IdentityResult> CreateAsync(TumenRole role, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> UpdateAsync(TumenRole role, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> DeleteAsync(TumenRole role, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> GetRoleIdAsync(TumenRole role, CancellationToken cancellationToken) => Task.FromResult(role.Name);

    public Task<string?> GetRoleNameAsync(TumenRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);

    public Task SetRoleNameAsync(TumenRole role, string? roleName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> GetNormalizedRoleNameAsync(TumenRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name.ToUpperInvariant());

    public Task SetNormalizedRoleNameAsync(TumenRole role, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<TumenRole?> FindByIdAsync(string roleId, CancellationToken cancellationToken) => Find(roleId);

    public Task<TumenRole?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken) => Find(normalizedRoleName);

    private static Task<TumenRole?> Find(string name) =>
        Task.FromResult(UserRoles.All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)) is { } role ? new TumenRole(role) : null);
}

/// <summary>Identity's password hashing, done with Argon2id.</summary>
public sealed class Argon2PasswordHasher(PasswordHasher hasher) : IPasswordHasher<UserAccount>
{
    public string HashPassword(UserAccount user, string password) => hasher.Hash(password);

    public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword) =>
        !PasswordHasher.Verify(hashedPassword, providedPassword) ? PasswordVerificationResult.Failed
        : hasher.NeedsRehash(hashedPassword) ? PasswordVerificationResult.SuccessRehashNeeded
        : PasswordVerificationResult.Success;
}

/// <summary>Identity's authenticator-app provider, on <see cref="Totp"/> and the injected clock.</summary>
public sealed class TotpTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<UserAccount>
{
    /// <summary>True even before enrolment, so a right password always leads to the second step (which enrols).</summary>
    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<UserAccount> manager, UserAccount user) =>
        Task.FromResult(true);

    public Task<string> GenerateAsync(string purpose, UserManager<UserAccount> manager, UserAccount user) =>
        throw new NotSupportedException("Codes come from the user's authenticator app.");

    public Task<bool> ValidateAsync(string purpose, string token, UserManager<UserAccount> manager, UserAccount user) =>
        Task.FromResult(user.AuthenticatorKey is { } key && Totp.Verify(key, token, time.GetUtcNow()));
}
