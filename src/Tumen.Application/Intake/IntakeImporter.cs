using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Core.Model;
using Tumen.Core.Places;
using Tumen.Core.Vocabularies;
using Tumen.Intake.Mailbox;
using Tumen.Intake.Sealing;
using Tumen.Intake.Submissions;
using Tumen.Storage;
using Tumen.Storage.Evidence;
using Tumen.Storage.Persons;
using Tumen.Storage.Protection;
using Tumen.Storage.Rows;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Intake;

/// <summary>
/// Brings sealed portal items into the workspace: each report becomes a testimony source and a
/// person in the intake queue (<c>intake_status</c> = <c>new</c>), with her consent recorded purpose
/// by purpose, her files as evidence, and the receipt's public key kept (encrypted) for replies.
/// An item is imported once; each one is opened and stored in its own transaction.
/// </summary>
public sealed class IntakeImporter(Workspace workspace)
{
    /// <summary>The person attribute that names the portal thread (and so where replies go).</summary>
    public const string ThreadAttribute = "intake_thread";

    /// <summary>The person attribute holding the reporter's reply key (base64).</summary>
    public const string ReplyKeyAttribute = "intake_reply_key";

    /// <summary>The person attribute of the intake queue: <c>new</c> until an investigator reviews it.</summary>
    public const string StatusAttribute = "intake_status";

    private const string ThreadField = "intake_thread";
    private const string ItemField = "intake_item";

    /// <summary>Imports every item not imported before; returns what was done.</summary>
    public async Task<IntakeImportResult> ImportAsync(IIntakeSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (keys, _) = await IntakeKeyStore.LoadAsync(workspace, cancellationToken).ConfigureAwait(false);
        using (keys)
        {
            var items = await source.ListAsync(cancellationToken).ConfigureAwait(false);
            var parsed = items
                .Select(i => i.Split('/'))
                .Where(p => p.Length == 2 && PortalFolder.IsThreadId(p[0]) && PortalFolder.IsItemName(p[1]) && !PortalFolder.IsReply(p[1]))
                .Select(p => (Thread: p[0], Item: p[1]))
                // Reports first, so a message finds the person its report became.
                .OrderBy(p => p.Item.StartsWith("r-", StringComparison.Ordinal) ? 0 : p.Item.StartsWith("m-", StringComparison.Ordinal) ? 2 : 1)
                .ThenBy(p => p.Thread, StringComparer.Ordinal)
                .ToList();
            int reports = 0, messages = 0, skipped = 0, unreadable = 0;
            var codes = new List<string>();
            foreach (var (thread, item) in parsed)
            {
                if (item.StartsWith("a-", StringComparison.Ordinal))
                {
                    continue; // attachments are imported with their report
                }

                await using var db = workspace.CreateContext();
                var itemHash = ItemHash(thread, item);
                if (await db.Imports.AsNoTracking().AnyAsync(i => i.FileHash == itemHash, cancellationToken).ConfigureAwait(false))
                {
                    skipped++;
                    continue;
                }

                var sealedBytes = await source.ReadAsync(thread, item, cancellationToken).ConfigureAwait(false);
                if (!SealedBox.TryOpen(sealedBytes, keys, out var plaintext))
                {
                    unreadable++;
                    continue;
                }

                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                if (string.Equals(item, PortalFolder.ReportItem, StringComparison.Ordinal))
                {
                    var report = IntakeJson.Deserialize<Report>(plaintext);
                    if (!string.Equals(report.Thread, thread, StringComparison.Ordinal))
                    {
                        unreadable++; // sealed for another thread: moved, not ours to file here
                        continue;
                    }

                    codes.Add(await AddReportAsync(db, source, keys, report, cancellationToken).ConfigureAwait(false));
                    reports++;
                }
                else
                {
                    var message = IntakeJson.Deserialize<FollowUp>(plaintext);
                    if (!string.Equals(message.Thread, thread, StringComparison.Ordinal) || !await AddMessageAsync(db, message, cancellationToken).ConfigureAwait(false))
                    {
                        unreadable++;
                        continue;
                    }

                    messages++;
                }

                db.Imports.Add(new ImportRow { Id = Guid.NewGuid(), FileHash = itemHash, Rows = 1, At = workspace.Session.Now(), Actor = workspace.Session.Actor });
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new IntakeImportResult(reports, messages, skipped, unreadable, codes);
        }
    }

    private async Task<string> AddReportAsync(TumenDbContext db, IIntakeSource source, IntakeKeyPair keys, Report report, CancellationToken cancellationToken)
    {
        var session = workspace.Session;
        var evidence = new EvidenceStore(db);
        var evidenceIds = new List<Guid>();
        foreach (var attachment in report.Attachments)
        {
            var sealedFile = await source.ReadAsync(report.Thread, attachment.Item, cancellationToken).ConfigureAwait(false);
            if (!SealedBox.TryOpen(sealedFile, keys, out var content))
            {
                throw new TumenException($"attachment {report.Thread}/{attachment.Item} does not open with the intake key; the report was not imported.", ExitCode.IntegrityFailure);
            }

            evidenceIds.Add((await evidence.AddAsync(content, attachment.FileName, attachment.MediaType, cancellationToken).ConfigureAwait(false)).Id);
        }

        var sourceId = Guid.NewGuid();
        db.Sources.Add(new SourceRow
        {
            Id = sourceId,
            Kind = "testimony",
            Reliability = "unknown",
            Confidentiality = "strictly_confidential",
            Date = report.ReceivedOn,
            EvidenceFileId = evidenceIds.Count > 0 ? evidenceIds[0] : null,
            LabelHash = BlindIndex.Hash(session.Keys.BlindIndexKey, ThreadField, report.Thread),
            Secrets = session.Protect(new SourceSecrets("Survivors' portal report", report.WhatHappened, "portal " + report.ReceivedOn), PersonStore.SourcesTable, sourceId),
        });

        var place = report.PlaceId is null ? null : Gazetteer.Default.Find(report.PlaceId);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ThreadAttribute] = report.Thread,
            [ReplyKeyAttribute] = report.ReplyKey,
            [StatusAttribute] = "new",
            ["intake_language"] = report.Language,
            ["intake_received_on"] = report.ReceivedOn,
        };
        if (report.Violations.Count > 1)
        {
            attributes["intake_violations"] = string.Join(';', report.Violations);
        }

        if (place is not null && report.Where is not null)
        {
            attributes["intake_where"] = report.Where;
        }

        if (evidenceIds.Count > 0)
        {
            attributes["intake_evidence"] = string.Join(';', evidenceIds.Select(id => id.ToString("D")));
        }

        var store = new PersonStore(db);
        var person = await store.AddAsync(new PersonRecord
        {
            Testimony = report.WhatHappened,
            Violation = report.Violations.FirstOrDefault(v => Vocabulary.Default.Contains(Vocabulary.ViolationType, v)),
            Date = report.When,
            Place = place?.NameEnglish ?? report.Where,
            Attributes = attributes,
        }, cancellationToken).ConfigureAwait(false);
        person.SourceId = sourceId;
        if (report.Contact is not null)
        {
            var secrets = session.Unprotect<PersonSecrets>(person.Secrets, PersonStore.PersonsTable, person.Id);
            person.Secrets = session.Protect(secrets with { Contacts = [report.Contact] }, PersonStore.PersonsTable, person.Id);
        }

        foreach (var scope in Vocabulary.Default.Terms(Vocabulary.ConsentScope))
        {
            db.Consents.Add(new ConsentRow
            {
                Id = Guid.NewGuid(),
                PersonId = person.Id,
                Scope = scope.Id,
                Given = report.Consents.Contains(scope.Id, StringComparer.Ordinal),
                RecordedBy = "portal",
                RecordedAt = DateTimeOffset.ParseExact(report.ReceivedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds(),
            });
        }

        return person.Code;
    }

    // A follow-up: kept as its own testimony source and added to the person's narrative.
    private async Task<bool> AddMessageAsync(TumenDbContext db, FollowUp message, CancellationToken cancellationToken)
    {
        var session = workspace.Session;
        var threadHash = BlindIndex.Hash(session.Keys.BlindIndexKey, ThreadField, message.Thread);
        var reportSource = await db.Sources.AsNoTracking().Where(s => s.LabelHash == threadHash).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var person = reportSource is null ? null : await db.Persons.FirstOrDefaultAsync(p => p.SourceId == reportSource, cancellationToken).ConfigureAwait(false);
        if (person is null)
        {
            return false;
        }

        var sourceId = Guid.NewGuid();
        db.Sources.Add(new SourceRow
        {
            Id = sourceId,
            Kind = "testimony",
            Confidentiality = "strictly_confidential",
            Date = message.ReceivedOn,
            Secrets = session.Protect(new SourceSecrets("Survivors' portal message", message.Text, "portal message " + message.ReceivedOn), PersonStore.SourcesTable, sourceId),
        });
        var secrets = session.Unprotect<PersonSecrets>(person.Secrets, PersonStore.PersonsTable, person.Id);
        var attributes = new Dictionary<string, string>(secrets.Attributes, StringComparer.Ordinal) { [StatusAttribute] = "new" };
        person.Secrets = session.Protect(
            secrets with { Narrative = $"{secrets.Narrative}\n\n[{message.ReceivedOn}] {message.Text}", Attributes = attributes },
            PersonStore.PersonsTable,
            person.Id);
        person.UpdatedAt = session.Now();
        db.QueueSearchTokens(PersonStore.PersonsTable, person.Id, BlindIndex.Hashes(session.Keys.BlindIndexKey, "text", message.Text));
        return true;
    }

    private byte[] ItemHash(string thread, string item) => BlindIndex.Hash(workspace.Session.Keys.BlindIndexKey, ItemField, thread + "/" + item);
}

/// <summary>What an intake pull or import did. <paramref name="Codes"/> are the new persons' display codes.</summary>
public sealed record IntakeImportResult(int Reports, int Messages, int AlreadyImported, int Unreadable, IReadOnlyList<string> Codes);

/// <summary>Seals an investigator's reply to the reporter's receipt key.</summary>
public static class IntakeReplies
{
    /// <summary>
    /// The reply to the person <paramref name="personCode"/> came from, sealed so only her receipt
    /// opens it. Reading her reply key is an audited reveal.
    /// </summary>
    public static async Task<SealedReply> SealAsync(Workspace workspace, string personCode, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new TumenException("the reply is empty.", ExitCode.BadInput);
        }

        await using var db = workspace.CreateContext();
        var store = new PersonStore(db);
        var row = await store.FindByCodeAsync(personCode, cancellationToken).ConfigureAwait(false)
            ?? throw new TumenException($"no person {personCode}.", ExitCode.BadInput);
        var record = await store.RevealAsync(row, cancellationToken).ConfigureAwait(false);
        if (!record.Attributes.TryGetValue(IntakeImporter.ThreadAttribute, out var thread) || !record.Attributes.TryGetValue(IntakeImporter.ReplyKeyAttribute, out var replyKey))
        {
            throw new TumenException($"{personCode} did not come from the portal; there is no one to reply to.", ExitCode.BadInput);
        }

        var reply = new Reply(text.Trim(), DateOnly.FromDateTime(workspace.Session.Time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var sealedReply = SealedBox.Seal(IntakeJson.Serialize(reply), Convert.FromBase64String(replyKey));
        db.RecordAccess("intake_reply", PersonStore.PersonsTable, row.RowId);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new SealedReply(thread, "reply-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + ".sealed", sealedReply);
    }
}
