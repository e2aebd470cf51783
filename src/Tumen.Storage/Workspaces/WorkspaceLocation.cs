using System.Text.Json;
using Tumen.Core;

namespace Tumen.Storage.Workspaces;

/// <summary>
/// Where a workspace lives: a folder that holds either the SQLite database or, for a team server,
/// the PostgreSQL connection string. The folder's <c>workspace.json</c> is written last at init, so
/// its presence means the workspace is complete.
/// </summary>
public sealed record WorkspaceLocation(string Directory, string Provider, string? ConnectionString)
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string ManifestName = "workspace.json";
    public const string DatabaseName = "tumen.db";

    public string ManifestPath => Path.Combine(Directory, ManifestName);

    public string DatabasePath => Path.Combine(Directory, DatabaseName);

    /// <summary>The folder a command uses: <c>--workspace</c>, else <c>TUMEN_WORKSPACE</c>, else a per-user folder.</summary>
    public static string ResolveDirectory(string? option, Func<string, string?> env)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        if (env("TUMEN_WORKSPACE") is { Length: > 0 } fromEnv)
        {
            return Path.GetFullPath(fromEnv);
        }

        var dataHome = env("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "tumen", "workspace");
    }

    /// <summary>Reads an existing workspace's manifest; a clear error when there is none.</summary>
    public static WorkspaceLocation Load(string directory)
    {
        var manifest = Path.Combine(directory, ManifestName);
        if (!File.Exists(manifest))
        {
            throw new TumenException(
                $"no workspace at {directory}; create one with 'tumen init --workspace {directory}' or set TUMEN_WORKSPACE.",
                ExitCode.Workspace);
        }

        try
        {
            var doc = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(manifest), StorageJson.Options)
                ?? throw new JsonException("empty manifest");
            return doc.Provider switch
            {
                Sqlite => new WorkspaceLocation(directory, Sqlite, null),
                Postgres when !string.IsNullOrWhiteSpace(doc.Connection) => new WorkspaceLocation(directory, Postgres, doc.Connection),
                _ => throw new JsonException("unknown provider"),
            };
        }
        catch (JsonException ex)
        {
            throw new TumenException($"{manifest} is damaged ({ex.Message}); restore the workspace from a backup.", ex, ExitCode.Workspace);
        }
    }

    /// <summary>Writes the manifest atomically (a temp file of this run's own, owner-only, in the same folder, then rename).</summary>
    public void WriteManifest()
    {
        var temp = Path.Combine(Directory, $".{ManifestName}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var file = SecureFiles.CreateNew(temp, asynchronous: false))
            {
                file.Write(JsonSerializer.SerializeToUtf8Bytes(new Manifest(1, Provider, ConnectionString), StorageJson.Options));
            }

            File.Move(temp, ManifestPath, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private sealed record Manifest(int Format, string Provider, string? Connection);
}
