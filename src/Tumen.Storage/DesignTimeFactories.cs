using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Tumen.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTumenDbContext>
{
    public SqliteTumenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTumenDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTumenDbContext>
{
    public PostgresTumenDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTumenDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
