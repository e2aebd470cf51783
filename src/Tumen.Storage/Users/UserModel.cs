using Microsoft.EntityFrameworkCore;

namespace Tumen.Storage.Users;

/// <summary>The tables of accounts, tokens, data-protection keys and record restrictions.</summary>
internal static class UserModel
{
    public const string UsersTable = "users";
    public const string ApiTokensTable = "api_tokens";
    public const string DataProtectionKeysTable = "data_protection_keys";
    public const string RestrictionsTable = "record_restrictions";

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRow>(e =>
        {
            e.ToTable(UsersTable);
            e.HasIndex(r => r.UserName).IsUnique();
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<ApiTokenRow>(e =>
        {
            e.ToTable(ApiTokensTable);
            e.HasIndex(r => r.TokenHash).IsUnique();
            e.HasIndex(r => r.UserId);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable(DataProtectionKeysTable);
            e.Ignore(r => r.RowId);
        });
        modelBuilder.Entity<RecordRestrictionRow>(e =>
        {
            e.ToTable(RestrictionsTable);
            e.HasIndex(r => new { r.Entity, r.RecordId, r.UserId }).IsUnique();
            e.Ignore(r => r.RowId);
        });
    }
}
