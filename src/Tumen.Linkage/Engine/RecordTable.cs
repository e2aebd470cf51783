using System.Globalization;
using Tumen.Core;

namespace Tumen.Linkage.Engine;

/// <summary>
/// Records to link, held column-wise in memory: one id per record, the source it came from (for
/// <c>link_only</c>), and the raw values per column. Build it from CSV files or from any in-memory
/// records (field name → value), such as a workspace's persons.
/// </summary>
public sealed class RecordTable
{
    private readonly Dictionary<string, string?[]> _columns;

    private RecordTable(IReadOnlyList<string> columnNames, string[] ids, int[] sources, Dictionary<string, string?[]> columns)
    {
        ColumnNames = columnNames;
        Ids = ids;
        Sources = sources;
        _columns = columns;
    }

    /// <summary>Column names, in input order (the id column included).</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Record ids, unique across the table.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Index of the source (input file or list) of each record.</summary>
    public IReadOnlyList<int> Sources { get; }

    /// <summary>Number of records.</summary>
    public int Count => Ids.Count;

    /// <summary>The same records with one more column (or a column replaced).</summary>
    public RecordTable WithColumn(string name, IReadOnlyList<string?> values)
    {
        if (values.Count != Count)
        {
            throw new ArgumentException("One value per record is needed.", nameof(values));
        }

        var columns = new Dictionary<string, string?[]>(_columns, StringComparer.Ordinal) { [name] = [.. values] };
        return new RecordTable([.. ColumnNames.Where(c => c != name), name], [.. Ids], [.. Sources], columns);
    }

    /// <summary>Whether the table has this column.</summary>
    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>The values of a column, one per record (null when empty).</summary>
    public IReadOnlyList<string?> Column(string name) =>
        _columns.TryGetValue(name, out var values) ? values : throw new TumenException($"No column '{name}' in the input.", ExitCode.BadInput);

    /// <summary>
    /// Builds a table from in-memory records. <paramref name="sources"/> gives, per source, its records
    /// as field → value maps; every record must carry <paramref name="idField"/>, unique across sources.
    /// </summary>
    public static RecordTable FromRecords(string idField, IReadOnlyList<IReadOnlyList<IReadOnlyDictionary<string, string?>>> sources)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in sources.SelectMany(s => s))
        {
            foreach (var key in record.Keys)
            {
                if (seen.Add(key))
                {
                    names.Add(key);
                }
            }
        }

        var rows = sources.SelectMany((s, index) => s.Select(r => (Record: r, Source: index))).ToList();
        var builder = new Builder(idField, names);
        foreach (var (record, source) in rows)
        {
            builder.Add(source, names.Select(n => record.TryGetValue(n, out var v) ? v : null).ToArray());
        }

        return builder.Build();
    }

    /// <summary>
    /// Whether a cell says "no value": empty, or a placeholder that exports write for one (NA, N/A, NULL, NaN, -, .).
    /// Such cells are missing, so that two records without a value never agree on "NA".
    /// </summary>
    public static bool IsMissing(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var v = value.AsSpan().Trim();
        return v is "-" or "." or "--" or "?"
            || v.Equals("NA", StringComparison.OrdinalIgnoreCase)
            || v.Equals("N/A", StringComparison.OrdinalIgnoreCase)
            || v.Equals("NULL", StringComparison.OrdinalIgnoreCase)
            || v.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || v.Equals("None", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Accumulates rows with validation of ids; used by the CSV reader and <see cref="FromRecords"/>.</summary>
    public sealed class Builder
    {
        private readonly string _idField;
        private readonly List<string> _names;
        private readonly int _idIndex;
        private readonly List<string> _ids = [];
        private readonly List<int> _sources = [];
        private readonly List<string?>[] _values;
        private readonly Dictionary<string, (int Source, int Line)> _where = new(StringComparer.Ordinal);
        private readonly IReadOnlyList<string>? _sourceNames;

        /// <summary>Starts a table with these columns; the id column must be among them.</summary>
        public Builder(string idField, IReadOnlyList<string> columnNames, IReadOnlyList<string>? sourceNames = null)
        {
            _idField = idField;
            _sourceNames = sourceNames;
            _names = [.. columnNames];
            _idIndex = _names.IndexOf(idField);
            if (_idIndex < 0)
            {
                throw new TumenException($"The input has no id column '{idField}' (columns: {string.Join(", ", columnNames)}).", ExitCode.BadInput);
            }

            _values = _names.Select(_ => new List<string?>()).ToArray();
        }

        /// <summary>Adds one record; <paramref name="line"/> (1-based, 0 when unknown) places it in its source for error messages.</summary>
        public void Add(int source, IReadOnlyList<string?> values, int line = 0)
        {
            var id = values[_idIndex]?.Trim();
            line = line > 0 ? line : _ids.Count + 1;
            if (string.IsNullOrEmpty(id))
            {
                throw new TumenException($"{Place(source, line)}: the id column '{_idField}' is empty.", ExitCode.BadInput);
            }

            if (!_where.TryAdd(id, (source, line)))
            {
                var first = _where[id];
                throw new TumenException($"{Place(source, line)}: duplicate id (first seen at {Place(first.Source, first.Line)}); ids must be unique across inputs.", ExitCode.BadInput);
            }

            _ids.Add(id);
            _sources.Add(source);
            for (var c = 0; c < _names.Count; c++)
            {
                var v = c < values.Count ? values[c] : null;
                _values[c].Add(IsMissing(v) ? null : v!.Trim());
            }
        }

        private string Place(int source, int line) => _sourceNames is null
            ? string.Create(CultureInfo.InvariantCulture, $"record {line}")
            : string.Create(CultureInfo.InvariantCulture, $"{_sourceNames[source]} line {line}");

        /// <summary>Number of records added so far.</summary>
        public int Count => _ids.Count;

        /// <summary>The finished table.</summary>
        public RecordTable Build()
        {
            var columns = new Dictionary<string, string?[]>(StringComparer.Ordinal);
            for (var c = 0; c < _names.Count; c++)
            {
                columns[_names[c]] = [.. _values[c]];
            }

            return new RecordTable(_names, [.. _ids], [.. _sources], columns);
        }
    }
}
