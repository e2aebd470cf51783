using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Linkage.Engine;
using Tumen.Linkage.Names;
using Tumen.Storage;
using Tumen.Storage.Links;
using Tumen.Storage.Persons;

namespace Tumen.Cli.Commands;

/// <summary>
/// <c>tumen link</c> without <c>--input</c>: links the workspace's persons (every name in every script,
/// sex, birth date, origin), stores each person's cluster and puts the uncertain pairs in the review
/// queue: every pair scored between two probabilities — below the link threshold (should they be
/// joined?) or above it (should they be split?). The reviewers' decisions (<c>tumen review</c>) bind every run: a pair said to be one person
/// is linked, a pair said to be two people is kept apart.
/// </summary>
internal static class WorkspaceLink
{
    private const string IdColumn = "id";
    private static readonly JsonSerializerOptions CompactJson = new(CliJson.Options) { WriteIndented = false };

    /// <summary>The top of the review band (its bottom is the settings' review threshold, 0.2): a pair the machine is less sure of than this is worth a person's look.</summary>
    public const double ReviewBelow = 0.95;

    public static async Task<int> RunAsync(CliEnvironment env, ParseResult parse, Option<string?> workspace, bool json, CancellationToken ct)
    {
        using var opened = await WorkspaceAccess.OpenAsync(env, parse, workspace, ct, "tumen link --input FILE.csv.").ConfigureAwait(false);
        await using var db = opened.CreateContext();
        var persons = new List<PersonRecord>();
        await foreach (var person in new PersonStore(db).RevealAllAsync(ct).ConfigureAwait(false))
        {
            persons.Add(person);
        }

        if (persons.Count < 2)
        {
            throw new TumenException($"the workspace holds {persons.Count} person(s); linking needs at least two.", ExitCode.BadInput);
        }

        var idOfCode = await db.Persons.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.Ordinal, ct).ConfigureAwait(false);
        var codeOfId = idOfCode.ToDictionary(kv => kv.Value, kv => kv.Key);
        var (table, settings) = Table(persons);
        var result = LinkCommand.LinkWithProgress(env, table, settings, ct);

        var links = new LinkStore(db);
        var decisions = await links.DecisionsAsync(ct).ConfigureAwait(false);
        var clusterOf = ReviewedClustering.Cluster(
            result,
            decisions.Where(d => codeOfId.ContainsKey(d.Left) && codeOfId.ContainsKey(d.Right))
                .Select(d => new PairDecision(codeOfId[d.Left], codeOfId[d.Right], d.Same)));

        // A cluster is named by its first person in code order, so an unchanged cluster keeps its id.
        var clusterIds = Enumerable.Range(0, table.Count)
            .GroupBy(i => clusterOf[i])
            .SelectMany(g =>
            {
                var first = idOfCode[g.Select(i => table.Ids[i]).Min(StringComparer.Ordinal)!];
                return g.Select(i => (Person: idOfCode[table.Ids[i]], Cluster: first));
            })
            .ToDictionary(x => x.Person, x => x.Cluster);
        var review = result.Pairs
            .Where(p => p.Probability < ReviewBelow)
            .Select(p => new ReviewCandidate(
                idOfCode[table.Ids[p.Left]],
                idOfCode[table.Ids[p.Right]],
                Math.Round(p.Probability, 6),
                Explanation(result.Explain(p.Left, p.Right))))
            .ToList();
        var saved = await links.StageRunAsync(clusterIds, review, ct).ConfigureAwait(false);
        db.RecordAccess("link", "person_links", string.Create(CultureInfo.InvariantCulture, $"{persons.Count} persons"));
        await db.SaveChangesAsync(ct).ConfigureAwait(false);

        var clusters = clusterIds.Values.Distinct().Count();
        var linkedPersons = clusterIds.GroupBy(kv => kv.Value).Where(g => g.Count() > 1).Sum(g => g.Count());
        if (json)
        {
            CliJson.Write(env.Out, new
            {
                persons = persons.Count,
                clusters,
                persons_in_shared_clusters = linkedPersons,
                clusters_changed = saved.ClustersChanged,
                review_pending = saved.ReviewPending,
                review_added = saved.ReviewAdded,
                review_removed = saved.ReviewRemoved,
                decisions_applied = decisions.Count,
                linkage = LinkCommand.Summary(result),
            });
        }
        else
        {
            await env.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{persons.Count:N0} persons, {result.Statistics.Comparisons:N0} pairs compared: {clusters:N0} distinct people ({linkedPersons:N0} persons share a cluster); {saved.ClustersChanged:N0} cluster assignments changed.")).ConfigureAwait(false);
            await env.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Review queue: {saved.ReviewPending:N0} uncertain pair(s) ({saved.ReviewAdded:N0} new); {decisions.Count:N0} reviewer decision(s) applied. See 'tumen review list'.")).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The persons as linkage records, with only the columns someone has a value in.</summary>
    private static (RecordTable Table, LinkSettings Settings) Table(IReadOnlyList<PersonRecord> persons)
    {
        var bySource = persons
            .GroupBy(p => p.Source ?? "", StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<IReadOnlyDictionary<string, string?>>)[.. g.Select(Fields)])
            .ToList();
        var columns = bySource.SelectMany(s => s).SelectMany(r => r.Where(kv => kv.Value is not null).Select(kv => kv.Key)).Distinct(StringComparer.Ordinal).ToList();
        if (columns.Count < 2)
        {
            throw new TumenException("the persons have no names, dates or places to compare.", ExitCode.BadInput);
        }

        var table = RecordTable.FromRecords(IdColumn, bySource);
        return (table, LinkSettings.Infer(columns));
    }

    private static Dictionary<string, string?> Fields(PersonRecord person)
    {
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [IdColumn] = person.Code,
            [CombinedName.Column] = CombinedName.Preferred(person.Names.Select(n => n.Value)),
            ["sex"] = person.Sex is "unknown" or "" ? null : person.Sex,
            ["birth_date"] = string.IsNullOrWhiteSpace(person.BirthDate) ? null : person.BirthDate,
            ["origin"] = string.IsNullOrWhiteSpace(person.Origin) ? null : person.Origin,
        };
    }

    private static string Explanation(PairExplanation explanation) => JsonSerializer.Serialize(
        new
        {
            prior = Math.Round(explanation.PriorWeight, 4),
            comparisons = explanation.Contributions.Select(c => new
            {
                column = c.Column,
                kind = c.Kind,
                level = c.Level,
                weight = Math.Round(c.Weight + c.TermFrequencyAdjustment, 4),
            }),
            probability = Math.Round(explanation.Probability, 6),
        },
        CompactJson);
}
