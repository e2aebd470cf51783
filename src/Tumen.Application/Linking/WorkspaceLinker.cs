using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tumen.Core;
using Tumen.Core.Model;
using Tumen.Linkage.Engine;
using Tumen.Linkage.Names;
using Tumen.Storage.Links;
using Tumen.Storage.Persons;
using Tumen.Storage.Workspaces;

namespace Tumen.Application.Linking;

/// <summary>What linking a workspace found and stored.</summary>
public sealed record WorkspaceLinkResult(
    int Persons,
    int Clusters,
    int PersonsInSharedClusters,
    int ClustersChanged,
    int ReviewPending,
    int ReviewAdded,
    int ReviewRemoved,
    int DecisionsApplied,
    LinkSummary Linkage);

/// <summary>
/// Links the workspace's persons (every name in every script, sex, birth date, origin), stores each
/// person's cluster and puts the uncertain pairs in the review queue: every pair scored between the
/// review threshold and <see cref="ReviewBelow"/> — below the link threshold (should they be joined?)
/// or above it (should they be split?). The reviewers' decisions bind every run: a pair said to be
/// one person is linked, a pair said to be two people is kept apart.
/// </summary>
public sealed class WorkspaceLinker(Workspace workspace)
{
    private const string IdColumn = "id";

    private static readonly JsonSerializerOptions CompactJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The top of the review band (its bottom is the settings' review threshold): a pair the machine is less sure of than this is worth a person's look.</summary>
    public const double ReviewBelow = 0.95;

    public async Task<WorkspaceLinkResult> LinkAsync(IProgress<LinkProgress>? progress, CancellationToken cancellationToken)
    {
        await using var db = workspace.CreateContext();
        var persons = new List<PersonRecord>();
        await foreach (var person in new PersonStore(db).RevealAllAsync(cancellationToken).ConfigureAwait(false))
        {
            persons.Add(person);
        }

        if (persons.Count < 2)
        {
            throw new TumenException($"the workspace holds {persons.Count} person(s); linking needs at least two.", ErrorKind.BadInput);
        }

        var idOfCode = persons.ToDictionary(p => p.Code!, p => p.Id!.Value, StringComparer.Ordinal);
        var codeOfId = persons.ToDictionary(p => p.Id!.Value, p => p.Code!);
        var (table, settings) = Table(persons);
        var result = new LinkEngine().Link(table, settings, progress, cancellationToken);

        var links = new LinkStore(db);
        var decisions = await links.DecisionsAsync(cancellationToken).ConfigureAwait(false);
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
        var saved = await links.StageRunAsync(clusterIds, review, cancellationToken).ConfigureAwait(false);
        db.RecordAccess("link", "person_links", string.Create(CultureInfo.InvariantCulture, $"{persons.Count} persons"));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        return new WorkspaceLinkResult(
            persons.Count,
            clusterIds.Values.Distinct().Count(),
            clusterIds.GroupBy(kv => kv.Value).Where(g => g.Count() > 1).Sum(g => g.Count()),
            saved.ClustersChanged,
            saved.ReviewPending,
            saved.ReviewAdded,
            saved.ReviewRemoved,
            decisions.Count,
            LinkSummary.Of(result));
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
            throw new TumenException("the persons have no names, dates or places to compare.", ErrorKind.BadInput);
        }

        var table = RecordTable.FromRecords(IdColumn, bySource);
        return (table, SettingsInference.Infer(table));
    }

    private static Dictionary<string, string?> Fields(PersonRecord person) => new(StringComparer.Ordinal)
    {
        [IdColumn] = person.Code,
        [CombinedName.Column] = CombinedName.Preferred(person.Names.Select(n => n.Value)),
        ["sex"] = person.Sex is "unknown" or "" ? null : person.Sex,
        ["birth_date"] = string.IsNullOrWhiteSpace(person.BirthDate) ? null : person.BirthDate,
        ["origin"] = string.IsNullOrWhiteSpace(person.Origin) ? null : person.Origin,
    };

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
