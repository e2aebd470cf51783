using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Core.Model;
using Tumen.Storage.Audit;
using Tumen.Storage.Backups;
using Tumen.Storage.Links;
using Tumen.Storage.Persons;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Tests;

/// <summary>Regression tests for the findings of the hardening probe (issue 15), one or more per finding.</summary>
public class HardeningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    internal static PersonRecord Person(string name, string testimony = "a testimony of my own") => new()
    {
        Source = "list A",
        Names = [PersonName.Of(name)],
        Sex = "female",
        Violation = "trafficking",
        Testimony = testimony,
    };

    internal static async Task<PersonRow> AddAsync(Workspace workspace, PersonRecord record)
    {
        await using var db = workspace.CreateContext();
        var row = await new PersonStore(db).AddAsync(record, Ct);
        await db.SaveChangesAsync(Ct);
        return row;
    }

    /// <summary>Changes rows the way someone with the database file but not the key would: no re-seal, no audit.</summary>
    internal static async Task TamperAsync(Workspace workspace, Func<TumenDbContext, Task> change)
    {
        await using var db = workspace.CreateContext();
        db.WritingArchivedRows = true;
        await change(db);
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding3_TokensCopiedToAnotherPerson_FailVerify(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var lee = await AddAsync(workspace, Person("Lee Keum-soon"));
        var kim = await AddAsync(workspace, Person("Kim Jong-suk"));
        await TamperAsync(workspace, async db =>
        {
            var tokens = await db.SearchTokens.AsNoTracking().Where(t => t.RecordId == lee.RowId).ToListAsync(Ct);
            var kims = (await db.SearchTokens.AsNoTracking().Where(t => t.RecordId == kim.RowId).ToListAsync(Ct)).Select(t => Convert.ToHexString(t.Token)).ToHashSet(StringComparer.Ordinal);
            foreach (var token in tokens.Where(t => !kims.Contains(Convert.ToHexString(t.Token))))
            {
                db.SearchTokens.Add(new SearchTokenRow { Token = token.Token, Entity = token.Entity, RecordId = kim.RowId });
            }
        });

        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.Ok.ShouldBeFalse();
        report.FirstProblem!.ShouldContain($"persons row {kim.RowId}");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding3_TokensDeleted_FailVerify(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var lee = await AddAsync(workspace, Person("Lee Keum-soon"));
        await TamperAsync(workspace, async db =>
            db.SearchTokens.RemoveRange(await db.SearchTokens.Where(t => t.RecordId == lee.RowId).ToListAsync(Ct)));

        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.Ok.ShouldBeFalse();
        report.FirstProblem!.ShouldContain($"persons row {lee.RowId}");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding4_OldVersionOfARowPutBackWithItsSeal_FailsVerify(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var a = await AddAsync(workspace, Person("Lee Keum-soon"));
        var b = await AddAsync(workspace, Person("Ri Kum-sun"));
        LinkReviewRow before;
        await using (var db = workspace.CreateContext())
        {
            await new LinkStore(db).StageRunAsync(new Dictionary<Guid, Guid>(), [new ReviewCandidate(a.Id, b.Id, 0.5, "{}")], Ct);
            await db.SaveChangesAsync(Ct);
            before = await db.LinkReviews.AsNoTracking().SingleAsync(Ct);
        }

        await using (var db = workspace.CreateContext())
        {
            var store = new LinkStore(db);
            store.Decide(await db.LinkReviews.SingleAsync(Ct), same: false, "reviewer");
            await db.SaveChangesAsync(Ct);
        }

        (await Verifier.VerifyAsync(workspace, null, Ct)).Ok.ShouldBeTrue();
        await TamperAsync(workspace, async db =>
        {
            var row = await db.LinkReviews.SingleAsync(Ct);
            db.Entry(row).CurrentValues.SetValues(before);
        });

        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.Ok.ShouldBeFalse();
        report.FirstProblem!.ShouldContain($"link_reviews row {before.RowId}");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding5_AuditTailRemoved_FailsVerify(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var row = await AddAsync(workspace, Person("Lee Keum-soon"));
        await using (var db = workspace.CreateContext())
        {
            var store = new PersonStore(db);
            await store.RevealAsync(row, Ct);
            db.RecordAccess("export", "persons", "all");
            await db.SaveChangesAsync(Ct);
        }

        await TamperAsync(workspace, async db =>
            db.AuditLog.RemoveRange(await db.AuditLog.OrderByDescending(a => a.Seq).Take(2).ToListAsync(Ct)));

        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.Ok.ShouldBeFalse();
        report.FirstProblem!.ShouldContain("audit_log");
    }

    [Fact]
    public void Finding8_BytesMovedAcrossAFieldBoundary_ChangeTheEntryHash()
    {
        var chain = new AuditChain(RandomNumberGenerator.GetBytes(32));
        var one = chain.Next(null, 1, "alice\u001fread", "persons", "x", "1");
        var two = chain.Next(null, 1, "alice", "read\u001fpersons", "x", "1");
        string.Equals(one.Hash, two.Hash, StringComparison.Ordinal).ShouldBeFalse();
    }

    [Fact]
    public void Finding9_DamagedKdfSettingsOrSalt_AreReportedAsDamage_NotAWrongPassphrase()
    {
        var (keys, wrapped) = KeyRing.Create(TestBackend.Passphrase, TestBackend.FastKdf);
        keys.Dispose();
        var salt = wrapped.Salt.ToArray();
        salt[3] ^= 0x01;
        foreach (var damaged in new[] { wrapped with { Salt = salt }, wrapped with { Kdf = wrapped.Kdf with { Passes = wrapped.Kdf.Passes + 1 } } })
        {
            var error = Should.Throw<TumenException>(() => KeyRing.Unlock(damaged, TestBackend.Passphrase).Dispose());
            error.ExitCode.ShouldBe(ExitCode.IntegrityFailure);
            error.Message.ShouldContain("damaged");
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding6_EvidenceRowHoldsNoPlainSha256(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var content = "a canary file only this test has"u8.ToArray();
        var plain = Convert.ToHexStringLower(SHA256.HashData(content));
        await using var db = workspace.CreateContext();
        var store = new Evidence.EvidenceStore(db);
        var row = await store.AddAsync(content, "canary.txt", "text/plain", Ct);
        await db.SaveChangesAsync(Ct);
        (await store.AddAsync(content, "again.txt", "text/plain", Ct)).Id.ShouldBe(row.Id);

        var stored = await db.Evidence.AsNoTracking().SingleAsync(Ct);
        var json = System.Text.Json.JsonSerializer.Serialize(stored);
        json.ShouldNotContain(plain);
        json.ShouldNotContain(Convert.ToBase64String(SHA256.HashData(content)));
        store.Open(stored).ShouldBe(content);
    }

    [Fact]
    public async Task Finding10_DamagedBackupHeaders_AreReportedAsDamaged()
    {
        await using var backend = await TestBackend.StartAsync(WorkspaceLocation.Sqlite);
        await using var target = await backend.SiblingAsync();
        var file = NewFile(".tbk");
        try
        {
            using (var workspace = await backend.CreateWorkspaceAsync())
            {
                await AddAsync(workspace, Person("Lee Keum-soon"));
                await BackupArchive.WriteAsync(workspace, file, null, Ct);
            }

            var bytes = await File.ReadAllBytesAsync(file, Ct);
            var headerLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8, 4));
            var header = System.Text.Encoding.UTF8.GetString(bytes, 12, headerLength);
            var damages = new List<byte[]>();
            foreach (var needle in new[] { "\"format\":1", "\"version\":", "\"salt\":\"", "\"memory_kib\":", "\"nonce\":\"", "\"ciphertext\":\"" })
            {
                var at = header.IndexOf(needle, StringComparison.Ordinal);
                at.ShouldBeGreaterThanOrEqualTo(0, needle);
                var copy = bytes.ToArray();
                copy[12 + at + needle.Length] ^= 0x01;
                damages.Add(copy);
            }

            foreach (var damaged in damages)
            {
                await File.WriteAllBytesAsync(file, damaged, Ct);
                var error = await Should.ThrowAsync<TumenException>(() =>
                    BackupArchive.RestoreAsync(file, TestBackend.Passphrase, target.Location, "restorer", target.Time, Ct));
                error.ExitCode.ShouldBe(ExitCode.IntegrityFailure);
                error.Message.ShouldContain("damaged");
                File.Exists(target.Location.ManifestPath).ShouldBeFalse();
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Finding10_RestoreOntoAnExistingFile_IsAClearError()
    {
        await using var backend = await TestBackend.StartAsync(WorkspaceLocation.Sqlite);
        var file = NewFile(".tbk");
        var existing = NewFile(".txt");
        try
        {
            using (var workspace = await backend.CreateWorkspaceAsync())
            {
                await BackupArchive.WriteAsync(workspace, file, null, Ct);
            }

            await File.WriteAllTextAsync(existing, "not a folder", Ct);
            var error = await Should.ThrowAsync<TumenException>(() => BackupArchive.RestoreAsync(
                file, TestBackend.Passphrase, new WorkspaceLocation(existing, WorkspaceLocation.Sqlite, null), "restorer", backend.Time, Ct));
            error.ExitCode.ShouldBe(ExitCode.Workspace);
            error.Message.ShouldContain(existing);
            (await File.ReadAllTextAsync(existing, Ct)).ShouldBe("not a folder");
        }
        finally
        {
            File.Delete(file);
            File.Delete(existing);
        }
    }

    [Fact]
    public async Task Finding10_DamagedKeyRecord_IsReportedAsDamage_NotACrash()
    {
        await using var backend = await TestBackend.StartAsync(WorkspaceLocation.Sqlite);
        using (await backend.CreateWorkspaceAsync())
        {
        }

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={backend.Location.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE workspace_meta SET \"Value\" = substr(\"Value\", 1, 20) WHERE \"Key\" = 'wrapped_key'";
            await command.ExecuteNonQueryAsync(Ct);
        }

        var error = await Should.ThrowAsync<TumenException>(() => backend.OpenAsync());
        error.ExitCode.ShouldBeOneOf(ExitCode.IntegrityFailure, ExitCode.Workspace);
        error.Message.ShouldContain("damaged");
    }

    [Fact]
    public async Task Finding11_Backup_LeavesAnUnrelatedPartialFileAlone_AndSurvivesAKilledRun()
    {
        await using var backend = await TestBackend.StartAsync(WorkspaceLocation.Sqlite);
        var file = NewFile(".tbk");
        try
        {
            await File.WriteAllTextAsync(file + ".partial", "the user's own notes", Ct);
            using var workspace = await backend.CreateWorkspaceAsync();
            await BackupArchive.WriteAsync(workspace, file, null, Ct);
            File.Exists(file).ShouldBeTrue();
            (await File.ReadAllTextAsync(file + ".partial", Ct)).ShouldBe("the user's own notes");
            Directory.GetFiles(Path.GetDirectoryName(file)!, "*" + Path.GetFileName(file) + "*").Length.ShouldBe(2);
        }
        finally
        {
            File.Delete(file);
            File.Delete(file + ".partial");
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Finding14_DatabaseWalManifestAndBackups_AreOwnerOnly()
    {
        await using var backend = await TestBackend.StartAsync(WorkspaceLocation.Sqlite);
        var file = NewFile(".tbk");
        try
        {
            using var workspace = await backend.CreateWorkspaceAsync();
            await AddAsync(workspace, Person("Lee Keum-soon"));
            await using var db = workspace.CreateContext();
            await db.Database.OpenConnectionAsync(Ct);
            await BackupArchive.WriteAsync(workspace, file, null, Ct);

            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            File.GetUnixFileMode(backend.Location.Directory).ShouldBe(ownerOnly | UnixFileMode.UserExecute);
            foreach (var path in new[] { backend.Location.DatabasePath, backend.Location.DatabasePath + "-wal", backend.Location.ManifestPath, file })
            {
                File.Exists(path).ShouldBeTrue(path);
                File.GetUnixFileMode(path).ShouldBe(ownerOnly, path);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static string NewFile(string extension)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tumen-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding9_Rekey_ReencryptsEverything_SoTheOldKeyOpensNothing(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        var workspace = await backend.CreateWorkspaceAsync();
        try
        {
            var lee = await AddAsync(workspace, Person("Lee Keum-soon", "sold near the river"));
            var content = "evidence for the rekey test"u8.ToArray();
            await using (var db = workspace.CreateContext())
            {
                await new Evidence.EvidenceStore(db).AddAsync(content, "file.txt", "text/plain", Ct);
                await db.SaveChangesAsync(Ct);
            }

            var oldWrapped = await ReadWrappedAsync(workspace);
            (workspace, var summary) = await Rekeying.RekeyAsync(workspace, TestBackend.Passphrase, Ct);
            summary.Fields.ShouldBeGreaterThanOrEqualTo(5);

            (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBeNull();
            await using (var db = workspace.CreateContext())
            {
                var store = new PersonStore(db);
                (await store.SearchByNameAsync("keum-soon", Ct)).Select(p => p.Id).ShouldBe([lee.Id]);
                var row = await db.Persons.SingleAsync(Ct);
                (await store.RevealAsync(row, Ct)).Testimony.ShouldBe("sold near the river");
                new Evidence.EvidenceStore(db).Open(await db.Evidence.SingleAsync(Ct)).ShouldBe(content);

                // The old data key (what the old passphrase unwraps from an older copy) opens nothing now stored.
                using var old = KeyRing.Unlock(oldWrapped, TestBackend.Passphrase);
                old.TryDecrypt(row.Secrets, $"tumen/persons/{row.Id:D}/secrets", out _).ShouldBeFalse();
                (await ReadWrappedAsync(workspace)).Ciphertext.ShouldNotBe(oldWrapped.Ciphertext);
            }

            workspace.Dispose();
            using var reopened = await backend.OpenAsync();
            (await Verifier.VerifyAsync(reopened, null, Ct)).Ok.ShouldBeTrue();
        }
        finally
        {
            workspace.Dispose();
        }
    }

    private static async Task<WrappedKey> ReadWrappedAsync(Workspace workspace)
    {
        await using var db = workspace.CreateContext();
        var value = (await db.Meta.SingleAsync(m => m.Key == "wrapped_key", Ct)).Value;
        return System.Text.Json.JsonSerializer.Deserialize<WrappedKey>(value, StorageJson.Options)!;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding7_SearchStaysExact_WhenAQueryFallsInAStoredBucket(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var lee = await AddAsync(workspace, Person("Lee Keum-soon"));
        await using var db = workspace.CreateContext();
        var key = workspace.Session.Keys.BlindIndexKey;
        var stored = (await db.SearchTokens.AsNoTracking().Where(t => t.RecordId == lee.RowId).ToListAsync(Ct)).Select(t => Convert.ToHexString(t.Token)).ToHashSet(StringComparer.Ordinal);
        stored.Count.ShouldBeGreaterThanOrEqualTo(BlindIndex.MinimumEntries);

        // A word Lee's names do not hold, whose bucket Lee's entries do: a false positive the index cannot rule out.
        var decoy = Enumerable.Range(0, 2_000_000).Select(i => "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(w => stored.Contains(Convert.ToHexString(BlindIndex.Bucket(key, "name", w))));

        var store = new PersonStore(db);
        (await store.SearchByNameAsync(decoy, Ct)).ShouldBeEmpty();
        (await store.SearchByNameAsync("lee", Ct)).Select(p => p.Id).ShouldBe([lee.Id]);
    }

    /// <summary>
    /// Makes a workspace look as one written before the hardening: every audit entry in format 1 (no
    /// row state) and no kept anchor. Rows and seals are unchanged: their format did not change.
    /// </summary>
    internal static async Task DowngradeChainAsync(Workspace workspace)
    {
        await using var db = workspace.CreateContext();
        db.WritingArchivedRows = true;
        var previous = AuditChain.Genesis;
        foreach (var entry in await db.AuditLog.OrderBy(a => a.Seq).ToListAsync(Ct))
        {
            entry.Format = 1;
            entry.State = null;
            entry.Previous = previous;
            entry.Hash = workspace.Session.Chain.ComputeHash(entry)!;
            previous = entry.Hash;
        }

        db.Meta.RemoveRange(await db.Meta.Where(m => m.Key == AnchorRecord.MetaKey).ToListAsync(Ct));
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding8_AChainWrittenInTheOldFormat_StillVerifies_AndGrowsInTheNewOne(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        await AddAsync(workspace, Person("Lee Keum-soon"));
        await DowngradeChainAsync(workspace);
        (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBeNull();

        await AddAsync(workspace, Person("Kim Jong-suk"));
        await using (var db = workspace.CreateContext())
        {
            (await db.AuditLog.Select(a => a.Format).Distinct().OrderBy(f => f).ToListAsync(Ct)).ShouldBe([1, 2]);
        }

        (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBeNull();
        await TamperAsync(workspace, async db => (await db.AuditLog.SingleAsync(a => a.Seq == 2, Ct)).Format = 2);
        (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBe("audit entry 2 was altered");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Finding5_TheKeptAnchorFollowsSavesWithoutChangeDetection(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        await using (var db = workspace.CreateContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var store = new PersonStore(db);
            await store.AddAsync(Person("Lee Keum-soon"), Ct);
            await db.SaveChangesAsync(Ct);
            await store.AddAsync(Person("Kim Jong-suk"), Ct);
            await db.SaveChangesAsync(Ct);
        }

        (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBeNull();
    }
}
