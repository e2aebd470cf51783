using Microsoft.EntityFrameworkCore;
using Tumen.Core.Model;
using Tumen.Storage.Backups;
using Tumen.Storage.Persons;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;

namespace Tumen.Storage.Tests;

/// <summary>The storage contract, run on SQLite and on PostgreSQL.</summary>
public class StorageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    private static PersonRecord Sample(string suffix = "") => new()
    {
        ExternalId = "ngo-17" + suffix,
        Source = "NGO list 2019",
        Names = [PersonName.Of("이금순" + suffix), PersonName.Of("李今顺"), PersonName.Of("Lee Keum-soon")],
        Sex = "female",
        BirthDate = "1985-04",
        Origin = "Hoeryong",
        Violation = "trafficking",
        Date = "2003",
        Place = "Yanbian",
        Testimony = "I was sold to a farmer" + suffix,
        Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["ngo_case"] = "C-9" + suffix },
    };

    private static async Task<PersonRow> AddAsync(Workspace workspace, PersonRecord record)
    {
        await using var db = workspace.CreateContext();
        var row = await new PersonStore(db).AddAsync(record, Ct);
        await db.SaveChangesAsync(Ct);
        return row;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task PersonRoundTrips_AndRevealIsAudited(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var row = await AddAsync(workspace, Sample());
        row.Code.ShouldMatch("^P-[0-9A-Z]{4}-[0-9A-Z]{4}$");

        await using var db = workspace.CreateContext();
        var before = await db.AuditLog.CountAsync(Ct);
        var store = new PersonStore(db);
        var revealed = await store.RevealAsync((await store.FindByCodeAsync(row.Code.ToLowerInvariant(), Ct))!, Ct);
        await db.SaveChangesAsync(Ct);

        revealed.Names.Select(n => n.Value).ShouldBe(["이금순", "李今顺", "Lee Keum-soon"]);
        revealed.Names.Select(n => n.Script).ShouldBe([NameScript.Hangul, NameScript.Han, NameScript.Latin]);
        ShouldBeEquivalent(Sample(), revealed);
        var last = await db.AuditLog.OrderByDescending(a => a.Seq).FirstAsync(Ct);
        (await db.AuditLog.CountAsync(Ct)).ShouldBe(before + 1);
        last.Action.ShouldBe("read");
        last.RecordId.ShouldBe(row.RowId);
        last.Actor.ShouldBe("tester");
        last.At.ShouldBe(backend.Time.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private static void ShouldBeEquivalent(PersonRecord expected, PersonRecord actual)
    {
        actual.ExternalId.ShouldBe(expected.ExternalId);
        actual.Source.ShouldBe(expected.Source);
        actual.Sex.ShouldBe(expected.Sex);
        actual.BirthDate.ShouldBe(expected.BirthDate);
        actual.Origin.ShouldBe(expected.Origin);
        actual.Violation.ShouldBe(expected.Violation);
        actual.Date.ShouldBe(expected.Date);
        actual.Place.ShouldBe(expected.Place);
        actual.Testimony.ShouldBe(expected.Testimony);
        actual.Attributes.ShouldBe(expected.Attributes);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Search_FindsEncryptedNamesThroughTheBlindIndex(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var lee = await AddAsync(workspace, Sample());
        var kim = await AddAsync(workspace, Sample() with { Names = [PersonName.Of("김정숙"), PersonName.Of("Kim Jong Suk")] });

        await using var db = workspace.CreateContext();
        var store = new PersonStore(db);
        (await store.SearchByNameAsync("금순", Ct)).Select(p => p.Id).ShouldBe([lee.Id]);
        (await store.SearchByNameAsync("keum-soon", Ct)).Select(p => p.Id).ShouldBe([lee.Id]);
        (await store.SearchByNameAsync("kim suk", Ct)).Select(p => p.Id).ShouldBe([kim.Id]);
        (await store.SearchByNameAsync("Park", Ct)).ShouldBeEmpty();

        // No token is stored in plaintext: the index holds only 2-byte buckets of keyed hashes.
        var tokens = await db.SearchTokens.ToListAsync(Ct);
        tokens.ShouldAllBe(t => t.Token.Length == BlindIndex.BucketLength);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task WrongPassphrase_IsRefused_AndChangesNothing(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using (var workspace = await backend.CreateWorkspaceAsync())
        {
            await AddAsync(workspace, Sample());
        }

        var before = await HeadAsync(backend);
        var error = await Should.ThrowAsync<WrongPassphraseException>(() => backend.OpenAsync("not the passphrase"));
        error.Message.ShouldContain("passphrase");
        (await HeadAsync(backend)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task PassphraseChange_RewrapsTheKey_WithoutTouchingData(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        string secretsBefore;
        using (var workspace = await backend.CreateWorkspaceAsync())
        {
            var row = await AddAsync(workspace, Sample());
            secretsBefore = Convert.ToBase64String(row.Secrets);
            await workspace.ChangePassphraseAsync("the new passphrase", Ct);
        }

        await Should.ThrowAsync<WrongPassphraseException>(() => backend.OpenAsync());
        using var reopened = await backend.OpenAsync("the new passphrase");
        await using var db = reopened.CreateContext();
        var stored = await db.Persons.SingleAsync(Ct);
        Convert.ToBase64String(stored.Secrets).ShouldBe(secretsBefore);
        (await new PersonStore(db).RevealAsync(stored, Ct)).Testimony.ShouldBe(Sample().Testimony);
        (await Verifier.VerifyAsync(reopened, null, Ct)).Ok.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Verify_PassesOnAnUntouchedWorkspace(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        await AddAsync(workspace, Sample("1"));
        await AddAsync(workspace, Sample("2"));
        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.FirstProblem.ShouldBeNull();
        report.RowsChecked.ShouldBe(5); // two persons, two acts, one shared source
        report.AuditEntries.ShouldBe(6); // init and five creates
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Verify_NamesAnAlteredAuditEntry(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        await AddAsync(workspace, Sample());
        await TamperAsync(workspace, async db =>
        {
            var entry = await db.AuditLog.SingleAsync(a => a.Seq == 3, Ct);
            entry.Actor = entry.Actor[..^1] + (char)(entry.Actor[^1] ^ 1);
        });
        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.FirstProblem.ShouldBe("audit entry 3 was altered");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Verify_NamesARemovedAuditEntry(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        await AddAsync(workspace, Sample());
        await TamperAsync(workspace, async db => db.AuditLog.Remove(await db.AuditLog.SingleAsync(a => a.Seq == 2, Ct)));
        (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBe("audit entry 2 is missing (found 3 next)");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Verify_NamesAFlippedByteInAnEncryptedField(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var row = await AddAsync(workspace, Sample());
        await TamperAsync(workspace, async db =>
        {
            var stored = await db.Persons.SingleAsync(Ct);
            var bytes = stored.Secrets.ToArray();
            bytes[bytes.Length / 2] ^= 0x01;
            stored.Secrets = bytes;
        });
        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.FirstProblem.ShouldBe($"persons row {row.RowId}: its seal does not match its content (altered outside Tumen)");

        // Even with a forged seal, the ciphertext itself fails to open.
        await using var db = workspace.CreateContext();
        var altered = await db.Persons.SingleAsync(Ct);
        Should.Throw<TamperedException>(() => workspace.Session.Unprotect<PersonSecrets>(altered.Secrets, "persons", altered.Id))
            .Message.ShouldNotContain("금순");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Verify_DetectsCiphertextsSwappedBetweenRecords(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        await AddAsync(workspace, Sample("1"));
        await AddAsync(workspace, Sample("2"));
        await TamperAsync(workspace, async db =>
        {
            var both = await db.Persons.ToListAsync(Ct);
            (both[0].Secrets, both[1].Secrets) = (both[1].Secrets, both[0].Secrets);
        });
        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.FirstProblem.ShouldNotBeNull();
        report.FirstProblem.ShouldStartWith("persons row ");

        // The associated data binds each ciphertext to its record: a swap cannot be decrypted.
        await using var db = workspace.CreateContext();
        var swapped = await db.Persons.FirstAsync(Ct);
        workspace.Session.CanOpen(swapped.Secrets, "persons", swapped.Id).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Verify_DetectsRowsDeletedOrInsertedOutsideTumen(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        await AddAsync(workspace, Sample());
        await TamperAsync(workspace, async db => db.Acts.Remove(await db.Acts.SingleAsync(Ct)));
        (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBe("acts: 1 row(s) the audit log created are missing (deleted outside Tumen)");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Backup_RestoresToAnIdenticalVerifiedWorkspace(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        await using var target = await backend.SiblingAsync();
        var file = Path.Combine(Path.GetTempPath(), "tumen-tests", Guid.NewGuid().ToString("N") + ".tbk");
        try
        {
            using (var workspace = await backend.CreateWorkspaceAsync())
            {
                await AddAsync(workspace, Sample("1"));
                await AddAsync(workspace, Sample("2"));
                var summary = await BackupArchive.WriteAsync(workspace, file, null, Ct);
                summary.Rows.ShouldBeGreaterThan(10);
                File.Exists(file + ".partial").ShouldBeFalse();
            }

            var (restored, _) = await BackupArchive.RestoreAsync(file, TestBackend.Passphrase, target.Location, "restorer", target.Time, Ct);
            using (restored)
            {
                (await Verifier.VerifyAsync(restored, null, Ct)).Ok.ShouldBeTrue();
                await using var db = restored.CreateContext();
                var store = new PersonStore(db);
                var testimonies = new List<string?>();
                foreach (var row in await db.Persons.ToListAsync(Ct))
                {
                    testimonies.Add((await store.RevealAsync(row, Ct)).Testimony);
                }

                testimonies.Order(StringComparer.Ordinal).ShouldBe(["I was sold to a farmer1", "I was sold to a farmer2"]);
                (await db.AuditLog.OrderByDescending(a => a.Seq).FirstAsync(Ct)).Action.ShouldBe("restore");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Restore_RefusesADamagedBackup_AndCreatesNothing(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        await using var target = await backend.SiblingAsync();
        var file = Path.Combine(Path.GetTempPath(), "tumen-tests", Guid.NewGuid().ToString("N") + ".tbk");
        try
        {
            using (var workspace = await backend.CreateWorkspaceAsync())
            {
                await AddAsync(workspace, Sample());
                await BackupArchive.WriteAsync(workspace, file, null, Ct);
            }

            var bytes = await File.ReadAllBytesAsync(file, Ct);
            var flipped = bytes.ToArray();
            flipped[^20] ^= 0x40;
            await File.WriteAllBytesAsync(file, flipped, Ct);
            var error = await Should.ThrowAsync<Core.TumenException>(() =>
                BackupArchive.RestoreAsync(file, TestBackend.Passphrase, target.Location, "restorer", target.Time, Ct));
            error.Message.ShouldContain("damaged");
            File.Exists(target.Location.ManifestPath).ShouldBeFalse();

            await File.WriteAllBytesAsync(file, bytes[..^100], Ct);
            (await Should.ThrowAsync<Core.TumenException>(() =>
                BackupArchive.RestoreAsync(file, TestBackend.Passphrase, target.Location, "restorer", target.Time, Ct))).Message.ShouldContain("truncated");

            await File.WriteAllBytesAsync(file, bytes, Ct);
            await Should.ThrowAsync<WrongPassphraseException>(() =>
                BackupArchive.RestoreAsync(file, "wrong passphrase", target.Location, "restorer", target.Time, Ct));
            File.Exists(target.Location.ManifestPath).ShouldBeFalse();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Changes rows the way someone with the database file but not the key would: no re-seal, no audit.</summary>
    private static async Task TamperAsync(Workspace workspace, Func<TumenDbContext, Task> change)
    {
        await using var db = workspace.CreateContext();
        db.WritingArchivedRows = true;
        await change(db);
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<(int Count, string Head)> HeadAsync(TestBackend backend)
    {
        using var workspace = await backend.OpenAsync();
        var report = await Verifier.VerifyAsync(workspace, null, Ct);
        report.Ok.ShouldBeTrue();
        return ((int)report.AuditEntries, report.AuditHead);
    }
}

/// <summary>Evidence files: content-addressed, encrypted, custody from intake, tamper shows in verify.</summary>
public class EvidenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Backends => TestBackend.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Evidence_IsStoredOnce_OpensToTheOriginal_AndTamperIsNamed(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var content = System.Text.Encoding.UTF8.GetBytes("인터뷰 녹취록: 뷁똠 canary transcript");
        Guid id;
        await using (var db = workspace.CreateContext())
        {
            var store = new Evidence.EvidenceStore(db);
            var row = await store.AddAsync(content, "interview-03.txt", "text/plain", Ct);
            await db.SaveChangesAsync(Ct);
            (await store.AddAsync(content, "copy.txt", "text/plain", Ct)).Id.ShouldBe(row.Id);
            row.Content.AsSpan().IndexOf("뷁똠"u8).ShouldBe(-1);
            id = row.Id;
        }

        await using (var db = workspace.CreateContext())
        {
            var row = await db.Evidence.SingleAsync(Ct);
            new Evidence.EvidenceStore(db).Open(row).ShouldBe(content);
            (await db.Custody.SingleAsync(Ct)).Action.ShouldBe("intake");
            await db.SaveChangesAsync(Ct);
            (await db.AuditLog.OrderByDescending(a => a.Seq).FirstAsync(Ct)).Action.ShouldBe("read");
        }

        (await Verifier.VerifyAsync(workspace, null, Ct)).EvidenceFiles.ShouldBe(1);
        await using (var db = workspace.CreateContext())
        {
            db.WritingArchivedRows = true;
            var row = await db.Evidence.SingleAsync(Ct);
            var bytes = row.Content.ToArray();
            bytes[^3] ^= 0x10;
            row.Content = bytes;
            await db.SaveChangesAsync(Ct);
        }

        (await Verifier.VerifyAsync(workspace, null, Ct)).FirstProblem.ShouldBe($"evidence_files row {id:D}: its seal does not match its content (altered outside Tumen)");
    }
}
