using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Storage.Audit;
using Tumen.Storage.Backups;
using Tumen.Storage.Links;
using Tumen.Storage.Rows;
using Tumen.Storage.Verification;
using Tumen.Storage.Workspaces;
using static Tumen.Storage.Tests.HardeningTests;

namespace Tumen.Storage.Tests;

/// <summary>
/// The probe's kinds of edits, applied as someone with the database but not the passphrase would, on
/// SQLite and on PostgreSQL: each must be found by verify, named by table and record, and none may
/// crash it.
/// </summary>
public class TamperSuiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { WorkspaceLocation.Sqlite, WorkspaceLocation.Postgres })
        {
            foreach (var kind in Edits.Keys)
            {
                data.Add(provider, kind);
            }
        }

        return data;
    }

    /// <summary>Each edit, and the text the verify problem must contain ({lee}, {kim} stand for record ids).</summary>
    private static readonly Dictionary<string, (string Expected, Func<TumenDbContext, Fixture, Task> Edit)> Edits = new(StringComparer.Ordinal)
    {
        ["flip a ciphertext byte"] = ("persons row {lee}", async (db, f) =>
        {
            var row = await db.Persons.SingleAsync(p => p.Id == f.Lee.Id, Ct);
            var bytes = row.Secrets.ToArray();
            bytes[bytes.Length / 3] ^= 0x08;
            row.Secrets = bytes;
        }),
        ["flip a seal byte"] = ("acts row", async (db, _) =>
        {
            var row = await db.Acts.FirstAsync(Ct);
            var seal = row.Seal.ToArray();
            seal[0] ^= 0x80;
            row.Seal = seal;
        }),
        ["edit a clear column"] = ("acts row", async (db, _) => (await db.Acts.FirstAsync(Ct)).ViolationType = "forced_labour"),
        ["swap ciphertexts"] = ("persons row", async (db, f) =>
        {
            var lee = await db.Persons.SingleAsync(p => p.Id == f.Lee.Id, Ct);
            var kim = await db.Persons.SingleAsync(p => p.Id == f.Kim.Id, Ct);
            (lee.Secrets, kim.Secrets) = (kim.Secrets, lee.Secrets);
        }),
        ["swap seals"] = ("persons row", async (db, f) =>
        {
            var lee = await db.Persons.SingleAsync(p => p.Id == f.Lee.Id, Ct);
            var kim = await db.Persons.SingleAsync(p => p.Id == f.Kim.Id, Ct);
            (lee.Seal, kim.Seal) = (kim.Seal, lee.Seal);
        }),
        ["copy tokens to another person"] = ("persons row {kim}", async (db, f) =>
        {
            var kims = (await db.SearchTokens.AsNoTracking().Where(t => t.RecordId == f.Kim.RowId).ToListAsync(Ct)).Select(t => Convert.ToHexString(t.Token)).ToHashSet(StringComparer.Ordinal);
            foreach (var token in await db.SearchTokens.AsNoTracking().Where(t => t.RecordId == f.Lee.RowId).ToListAsync(Ct))
            {
                if (!kims.Contains(Convert.ToHexString(token.Token)))
                {
                    db.SearchTokens.Add(new SearchTokenRow { Token = token.Token, Entity = token.Entity, RecordId = f.Kim.RowId });
                }
            }
        }),
        ["delete one token"] = ("persons row {lee}", async (db, f) => db.SearchTokens.Remove(await db.SearchTokens.FirstAsync(t => t.RecordId == f.Lee.RowId, Ct))),
        ["add tokens for no record"] = ("search_tokens", async (db, _) =>
            db.SearchTokens.Add(new SearchTokenRow { Token = [1, 2], Entity = "persons", RecordId = Guid.NewGuid().ToString("D") })),
        ["replay an old row version"] = ("link_reviews row", async (db, f) =>
            db.Entry(await db.LinkReviews.SingleAsync(Ct)).CurrentValues.SetValues(f.ReviewBefore)),
        ["delete a row"] = ("acts", async (db, _) => db.Acts.Remove(await db.Acts.FirstAsync(Ct))),
        ["truncate the audit tail"] = ("audit_log", async (db, _) =>
            db.AuditLog.RemoveRange(await db.AuditLog.OrderByDescending(a => a.Seq).Take(3).ToListAsync(Ct))),
        ["alter an audit entry"] = ("audit entry 2", async (db, _) => (await db.AuditLog.SingleAsync(a => a.Seq == 2, Ct)).Actor = "someone else"),
        ["alter the kept anchor"] = ("workspace_meta", async (db, _) =>
        {
            var row = await db.Meta.SingleAsync(m => m.Key == AnchorRecord.MetaKey, Ct);
            row.Value = row.Value.Replace("\"count\":", "\"count\":1", StringComparison.Ordinal);
        }),
        ["damage a vocabulary column"] = ("persons row {lee}", async (db, f) => (await db.Persons.SingleAsync(p => p.Id == f.Lee.Id, Ct)).Sex = "male"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Edit_IsDetected_AndNamed(string provider, string kind)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        using var workspace = await backend.CreateWorkspaceAsync();
        var fixture = await Fixture.CreateAsync(workspace);
        (await Verifier.VerifyAsync(workspace, null, Ct)).Ok.ShouldBeTrue();

        var (expected, edit) = Edits[kind];
        await TamperAsync(workspace, db => edit(db, fixture));
        var report = await Verifier.VerifyAsync(workspace, null, Ct);

        report.Ok.ShouldBeFalse(kind);
        report.FirstProblem!.ShouldContain(expected.Replace("{lee}", fixture.Lee.RowId, StringComparison.Ordinal).Replace("{kim}", fixture.Kim.RowId, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task WholeDatabaseRolledBackToAnOlderCopy_IsDetectedWithAnAnchor(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        await using var older = await backend.SiblingAsync();
        var backup = NewFile(".tbk");
        var anchorFile = NewFile(".anchor");
        try
        {
            using (var workspace = await backend.CreateWorkspaceAsync())
            {
                await Fixture.CreateAsync(workspace);
                await BackupArchive.WriteAsync(workspace, backup, null, Ct);
                await AddAsync(workspace, Person("Pak Sun-hui"));
                await using (var db = workspace.CreateContext())
                {
                    db.RecordAccess("export", "persons", "all");
                    await db.SaveChangesAsync(Ct);
                }

                var report = await Verifier.VerifyAsync(workspace, null, Ct);
                await AnchorRecord.WriteFileAsync(workspace.Session.Chain, report.Anchor, anchorFile, Ct);
            }

            // "Rolling back" = the whole database replaced by the older copy the backup holds.
            var (rolledBack, _) = await BackupArchive.RestoreAsync(backup, TestBackend.Passphrase, older.Location, "attacker", older.Time, Ct);
            using (rolledBack)
            {
                (await Verifier.VerifyAsync(rolledBack, null, Ct)).Ok.ShouldBeTrue("without an anchor a consistent older copy cannot be told apart");
                var anchor = await AnchorRecord.ReadFileAsync(rolledBack.Session.Chain, anchorFile, Ct);
                var report = await Verifier.VerifyAsync(rolledBack, anchor, null, Ct);
                report.Ok.ShouldBeFalse();
                report.FirstProblem!.ShouldContain("audit_log");
            }
        }
        finally
        {
            File.Delete(backup);
            File.Delete(anchorFile);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task AuditTailCutWithTheKeptAnchorRolledBackToo_IsDetectedWithAnAnchorFileOrABackup(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        var backup = NewFile(".tbk");
        try
        {
            using var workspace = await backend.CreateWorkspaceAsync();
            await Fixture.CreateAsync(workspace);
            string keptBefore;
            await using (var db = workspace.CreateContext())
            {
                keptBefore = (await db.Meta.SingleAsync(m => m.Key == AnchorRecord.MetaKey, Ct)).Value;
            }

            var count = (await Verifier.VerifyAsync(workspace, null, Ct)).AuditEntries;
            await using (var db = workspace.CreateContext())
            {
                db.RecordAccess("export", "persons", "all");
                await db.SaveChangesAsync(Ct);
            }

            await BackupArchive.WriteAsync(workspace, backup, null, Ct);

            // Cut every entry after the old anchor, and put the old anchor back: consistent again inside the database.
            await TamperAsync(workspace, async db =>
            {
                db.AuditLog.RemoveRange(await db.AuditLog.Where(a => a.Seq > count).ToListAsync(Ct));
                (await db.Meta.SingleAsync(m => m.Key == AnchorRecord.MetaKey, Ct)).Value = keptBefore;
            });
            (await Verifier.VerifyAsync(workspace, null, Ct)).Ok.ShouldBeTrue("cut back to a state the workspace once recorded");

            var fromBackup = await AnchorRecord.ReadFileAsync(workspace.Session.Chain, backup, Ct);
            fromBackup.Count.ShouldBe(count + 1);
            var report = await Verifier.VerifyAsync(workspace, fromBackup, null, Ct);
            report.Ok.ShouldBeFalse();
            report.FirstProblem!.ShouldContain("audit_log");
        }
        finally
        {
            File.Delete(backup);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ForgedAnchorFile_IsRefusedAsDamaged(string provider)
    {
        await using var backend = await TestBackend.StartAsync(provider);
        var anchorFile = NewFile(".anchor");
        try
        {
            using var workspace = await backend.CreateWorkspaceAsync();
            var report = await Verifier.VerifyAsync(workspace, null, Ct);
            await AnchorRecord.WriteFileAsync(workspace.Session.Chain, report.Anchor, anchorFile, Ct);
            var text = await File.ReadAllTextAsync(anchorFile, Ct);
            var at = text.IndexOf("\"head\":\"", StringComparison.Ordinal) + 8;
            await File.WriteAllTextAsync(anchorFile, text[..at] + (text[at] == 'a' ? 'b' : 'a') + text[(at + 1)..], Ct);
            var error = await Should.ThrowAsync<TumenException>(() => AnchorRecord.ReadFileAsync(workspace.Session.Chain, anchorFile, Ct));
            error.ExitCode.ShouldBe(ExitCode.IntegrityFailure);
            error.Message.ShouldContain(anchorFile);
        }
        finally
        {
            File.Delete(anchorFile);
        }
    }

    [Fact]
    public async Task ByteFlipsInTheDatabaseFile_NeverCrashVerify()
    {
        await using var backend = await TestBackend.StartAsync(WorkspaceLocation.Sqlite);
        using (var workspace = await backend.CreateWorkspaceAsync())
        {
            await Fixture.CreateAsync(workspace);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var original = await File.ReadAllBytesAsync(backend.Location.DatabasePath, Ct);
        File.Exists(backend.Location.DatabasePath + "-wal").ShouldBeFalse("the last connection checkpoints the WAL into the file");
        var random = new Random(15);
        int detected = 0, flips = 40;
        for (var i = 0; i < flips; i++)
        {
            var bytes = original.ToArray();
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            await File.WriteAllBytesAsync(backend.Location.DatabasePath, bytes, Ct);
            try
            {
                using var workspace = await backend.OpenAsync();
                var report = await Verifier.VerifyAsync(workspace, null, Ct);
                detected += report.Ok ? 0 : 1;
            }
            catch (TumenException ex)
            {
                ex.ExitCode.ShouldBeOneOf(ExitCode.IntegrityFailure, ExitCode.Workspace, ExitCode.WrongPassphrase);
                detected++;
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{detected} of {flips} byte flips detected; the rest landed in unused bytes");
        detected.ShouldBeGreaterThan(0);
    }

    public static TheoryData<string> Backends => TestBackend.Names;

    /// <summary>Two persons (with acts, a shared source and tokens) and one decided review pair.</summary>
    internal sealed record Fixture(PersonRow Lee, PersonRow Kim, LinkReviewRow ReviewBefore)
    {
        public static async Task<Fixture> CreateAsync(Workspace workspace)
        {
            var lee = await AddAsync(workspace, Person("Lee Keum-soon", "sold near the river"));
            var kim = await AddAsync(workspace, Person("Kim Jong-suk", "taken to a farm"));
            LinkReviewRow before;
            await using (var db = workspace.CreateContext())
            {
                await new LinkStore(db).StageRunAsync(new Dictionary<Guid, Guid>(), [new ReviewCandidate(lee.Id, kim.Id, 0.4, "{}")], Ct);
                await db.SaveChangesAsync(Ct);
                before = await db.LinkReviews.AsNoTracking().SingleAsync(Ct);
            }

            await using (var db = workspace.CreateContext())
            {
                new LinkStore(db).Decide(await db.LinkReviews.SingleAsync(Ct), same: false, "reviewer");
                await db.SaveChangesAsync(Ct);
            }

            return new Fixture(lee, kim, before);
        }
    }
}
