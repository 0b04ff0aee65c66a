using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Platform.ServiceDefaults.Storage;

/// <summary>
/// The embedded default: one SQLite file per service in WAL mode, a table per collection holding each
/// document as JSON, expression indexes on queried fields. Writes use BEGIN IMMEDIATE and stay short.
/// The outbox is published in rowid order: a new row's rowid exceeds every present row's, so it is commit order.
/// </summary>
public class SqliteDocumentStore : IDocumentStore, IOutboxStore
{
    private readonly string _connectionString;
    private readonly CollectionNames _collections;
    private readonly ConcurrentDictionary<string, bool> _tables = new();
    // One writer at a time inside the process: SQLite allows one anyway, and a writer that finds the lock taken
    // would wait in Microsoft.Data.Sqlite's busy loop (150 ms sleeps) instead of an async queue.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public SqliteDocumentStore(string service, string databasePath, CollectionNames collections)
    {
        Service = service;
        _collections = collections;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30, // seconds of waiting for the single writer (busy timeout)
        }.ToString();
        using var connection = Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS _outbox (
              id TEXT PRIMARY KEY, commune TEXT NOT NULL, message_type TEXT NOT NULL, body TEXT NOT NULL,
              trace_parent TEXT, created_at TEXT NOT NULL, sent_at TEXT);
            CREATE INDEX IF NOT EXISTS ix__outbox_pending ON _outbox(created_at) WHERE sent_at IS NULL;
            CREATE TABLE IF NOT EXISTS _inbox (
              consumer TEXT NOT NULL, message_id TEXT NOT NULL, consumed_at TEXT NOT NULL,
              PRIMARY KEY (consumer, message_id)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS ix__outbox_unsent_commune ON _outbox(commune) WHERE sent_at IS NULL;
            CREATE TABLE IF NOT EXISTS _outbox_lease (
              commune TEXT PRIMARY KEY, owner TEXT NOT NULL, leased_until TEXT NOT NULL) WITHOUT ROWID;
            """);
    }

    public string Service { get; }
    public event Action? Written;

    public async Task<Stored<T>?> FindAsync<T>(string commune, string id, CancellationToken ct = default)
    {
        var table = await TableAsync(typeof(T), ct);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT commune, id, version, updated_at, body FROM {table} WHERE commune = $commune AND id = $id";
        command.Parameters.AddWithValue("$commune", commune);
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read<T>(reader) : null;
    }

    public async Task<IReadOnlyList<Stored<T>>> QueryAsync<T>(string commune, Query query, CancellationToken ct = default)
    {
        var table = await TableAsync(typeof(T), ct);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT commune, id, version, updated_at, body FROM {table} WHERE commune = $commune");
        command.Parameters.AddWithValue("$commune", commune);
        if (query.Where is not null) sql.Append(" AND ").Append(SqliteFilters.Translate(query.Where, command));
        sql.Append(" ORDER BY ");
        foreach (var sort in query.OrderBy ?? [])
            sql.Append(SqliteFilters.Path(sort.Field)).Append(sort.Descending ? " DESC, " : " ASC, ");
        sql.Append("id ASC");
        if (query.Take is not null || query.Skip > 0)
        {
            sql.Append(" LIMIT $take OFFSET $skip");
            command.Parameters.AddWithValue("$take", query.Take ?? -1);
            command.Parameters.AddWithValue("$skip", query.Skip);
        }
        command.CommandText = sql.ToString();
        var results = new List<Stored<T>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) results.Add(Read<T>(reader));
        return results;
    }

    public async Task<long> CountAsync<T>(string commune, Filter? filter = null, CancellationToken ct = default)
    {
        var table = await TableAsync(typeof(T), ct);
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var sql = $"SELECT COUNT(*) FROM {table} WHERE commune = $commune";
        command.Parameters.AddWithValue("$commune", commune);
        if (filter is not null) sql += " AND " + SqliteFilters.Translate(filter, command);
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public async Task CommitAsync(ChangeSet changes, CancellationToken ct = default)
    {
        if (changes.IsEmpty) return;
        foreach (var type in changes.Documents.Select(d => d.DocumentType).Distinct())
            await TableAsync(type, ct);

        await _writer.WaitAsync(ct);
        try
        {
            await CommitLockedAsync(changes, ct);
        }
        finally
        {
            _writer.Release();
        }
        if (changes.Outbox.Count > 0) Written?.Invoke();
    }

    private async Task CommitLockedAsync(ChangeSet changes, CancellationToken ct)
    {
        await using var connection = Open();
        await using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock up front
        var now = Iso(DateTime.UtcNow);
        foreach (var (consumer, messageId) in changes.Inbox)
        {
            var inserted = await ExecuteAsync(connection, transaction,
                "INSERT OR IGNORE INTO _inbox(consumer, message_id, consumed_at) VALUES ($c, $m, $now)",
                ("$c", consumer), ("$m", messageId.ToString()), ("$now", now));
            if (inserted == 0) throw new AlreadyConsumedException();
        }
        foreach (var change in changes.Documents)
            await ApplyAsync(connection, transaction, change, now, ct);
        foreach (var message in changes.Outbox)
            await ExecuteAsync(connection, transaction,
                "INSERT INTO _outbox(id, commune, message_type, body, trace_parent, created_at) VALUES ($id, $commune, $type, $body, $cid, $at)",
                ("$id", message.Id.ToString()), ("$commune", message.Commune), ("$type", message.MessageType),
                ("$body", message.Body), ("$cid", message.TraceParent), ("$at", Iso(message.CreatedAt)));
        await transaction.CommitAsync(ct);
    }

    private async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, DocumentChange change, string now, CancellationToken ct)
    {
        var table = TableName(_collections.Of(change.DocumentType));
        switch (change.Kind)
        {
            case ChangeKind.Insert:
                var inserted = await ExecuteAsync(connection, transaction,
                    $"INSERT OR IGNORE INTO {table}(commune, id, version, updated_at, body) VALUES ($commune, $id, 1, $now, $body)",
                    ("$commune", change.Commune), ("$id", change.Id), ("$now", now), ("$body", change.Json));
                if (inserted == 0) throw change.Duplicate();
                break;
            case ChangeKind.Update:
                var updated = await ExecuteAsync(connection, transaction,
                    $"UPDATE {table} SET version = version + 1, updated_at = $now, body = $body WHERE commune = $commune AND id = $id AND version = $version",
                    ("$commune", change.Commune), ("$id", change.Id), ("$now", now), ("$body", change.Json), ("$version", change.ExpectedVersion));
                if (updated == 0) throw change.Stale();
                break;
            case ChangeKind.Delete:
                var deleted = await ExecuteAsync(connection, transaction,
                    $"DELETE FROM {table} WHERE commune = $commune AND id = $id AND version = $version",
                    ("$commune", change.Commune), ("$id", change.Id), ("$version", change.ExpectedVersion));
                if (deleted == 0) throw change.Stale();
                break;
        }
        ct.ThrowIfCancellationRequested();
    }

    public async Task<bool> HasConsumedAsync(string consumer, Guid messageId, CancellationToken ct = default)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM _inbox WHERE consumer = $c AND message_id = $m";
        command.Parameters.AddWithValue("$c", consumer);
        command.Parameters.AddWithValue("$m", messageId.ToString());
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    public async Task EnsureIndexAsync<T>(string field, CancellationToken ct = default)
    {
        var collection = _collections.Of(typeof(T));
        var table = await TableAsync(typeof(T), ct);
        Filter.CheckField(field);
        await using var connection = Open();
        await ExecuteAsync(connection, null,
            $"CREATE INDEX IF NOT EXISTS \"ix_{collection}_{field.Replace('.', '_')}\" ON {table}(commune, {SqliteFilters.Path(field)})");
    }

    private const string OutboxColumns = "o.id, o.commune, o.message_type, o.body, o.trace_parent, o.created_at";

    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(string owner, int max, DateTime now, TimeSpan lease, CancellationToken ct = default)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction(deferred: false);
            await ExecuteAsync(connection, transaction, """
                INSERT INTO _outbox_lease(commune, owner, leased_until)
                SELECT DISTINCT commune, $owner, $until FROM _outbox WHERE sent_at IS NULL
                ON CONFLICT(commune) DO UPDATE SET owner = excluded.owner, leased_until = excluded.leased_until
                WHERE _outbox_lease.owner = excluded.owner OR _outbox_lease.leased_until <= $now
                """, ("$owner", owner), ("$until", Iso(now + lease)), ("$now", Iso(now)));
            await ExecuteAsync(connection, transaction,
                "DELETE FROM _outbox_lease WHERE owner = $owner AND commune NOT IN (SELECT commune FROM _outbox WHERE sent_at IS NULL)", ("$owner", owner));
            var claimed = await ReadOutboxAsync(connection, transaction,
                $"SELECT {OutboxColumns} FROM _outbox o JOIN _outbox_lease l ON l.commune = o.commune AND l.owner = $owner WHERE o.sent_at IS NULL ORDER BY o.rowid LIMIT $max",
                ("$owner", owner), ("$max", max));
            await transaction.CommitAsync(ct);
            return claimed;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task MarkSentAsync(string owner, IReadOnlyCollection<Guid> ids, DateTime sentAt, CancellationToken ct = default)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var id in ids)
                await ExecuteAsync(connection, transaction,
                    "UPDATE _outbox SET sent_at = $at WHERE id = $id AND commune IN (SELECT commune FROM _outbox_lease WHERE owner = $owner)",
                    ("$at", Iso(sentAt)), ("$id", id.ToString()), ("$owner", owner));
            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> PendingAsync(int max, CancellationToken ct = default)
    {
        await using var connection = Open();
        return await ReadOutboxAsync(connection, null, $"SELECT {OutboxColumns} FROM _outbox o WHERE o.sent_at IS NULL ORDER BY o.rowid LIMIT $max", ("$max", max));
    }

    private static async Task<IReadOnlyList<OutboxMessage>> ReadOutboxAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var messages = new List<OutboxMessage>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            messages.Add(new OutboxMessage(Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), ParseIso(reader.GetString(5))));
        return messages;
    }

    public async Task PurgeAsync(DateTime sentBefore, DateTime consumedBefore, CancellationToken ct = default)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var connection = Open();
            await ExecuteAsync(connection, null, "DELETE FROM _outbox WHERE sent_at IS NOT NULL AND sent_at < $at", ("$at", Iso(sentBefore)));
            await ExecuteAsync(connection, null, "DELETE FROM _inbox WHERE consumed_at < $at", ("$at", Iso(consumedBefore)));
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task PingAsync(CancellationToken ct = default)
    {
        await using var connection = Open();
        await ExecuteAsync(connection, null, "SELECT 1");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private async Task<string> TableAsync(Type type, CancellationToken ct)
    {
        var collection = _collections.Of(type);
        var table = TableName(collection);
        if (_tables.ContainsKey(collection)) return table;
        await using var connection = Open();
        await ExecuteAsync(connection, null,
            $"CREATE TABLE IF NOT EXISTS {table} (commune TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (commune, id)) WITHOUT ROWID");
        _tables[collection] = true;
        ct.ThrowIfCancellationRequested();
        return table;
    }

    private static string TableName(string collection) =>
        collection.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"\"doc_{collection}\"" : throw new ArgumentException($"Bad collection name '{collection}'.");

    private static Stored<T> Read<T>(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), ParseIso(reader.GetString(3)),
            JsonSerializer.Deserialize<T>(reader.GetString(4), PlatformJson.Options)!);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await command.ExecuteNonQueryAsync();
    }

    internal static string Iso(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTime ParseIso(string value) => DateTime.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

/// <summary>The store of one service in the embedded configuration.</summary>
public sealed class SqliteDocumentStore<TService>(string service, string databasePath, CollectionNames collections)
    : SqliteDocumentStore(service, databasePath, collections), IDocumentStore<TService>, IOutboxStore<TService>;

internal static class SqliteFilters
{
    public static string Path(string field) => field == "id" ? "id" : $"json_extract(body, '$.{field}')";

    public static string Translate(Filter filter, SqliteCommand command) => filter switch
    {
        Filter.Comparison c when c.Op == Filter.Operator.Eq && c.Value.ValueKind == JsonValueKind.Null => $"{Path(c.Field)} IS NULL",
        Filter.Comparison c => $"{Path(c.Field)} {Operator(c.Op)} {Parameter(command, c.Value)}",
        Filter.Membership m when m.Values.Count == 0 => "0",
        Filter.Membership m => $"{Path(m.Field)} IN ({string.Join(", ", m.Values.Select(v => Parameter(command, v)))})",
        Filter.All a when a.Filters.Count == 0 => "1",
        Filter.All a => "(" + string.Join(" AND ", a.Filters.Select(f => Translate(f, command))) + ")",
        Filter.Any o when o.Filters.Count == 0 => "0",
        Filter.Any o => "(" + string.Join(" OR ", o.Filters.Select(f => Translate(f, command))) + ")",
        // instr, not LIKE: literal (no % or _ to escape) and case-sensitive, as Mongo's escaped regex is.
        Filter.Substring t => $"instr({Path(t.Field)}, {Parameter(command, JsonSerializer.SerializeToElement(t.Text))}) > 0",
        _ => throw new NotSupportedException(filter.GetType().Name),
    };

    private static string Operator(Filter.Operator op) => op switch
    {
        Filter.Operator.Eq => "=",
        Filter.Operator.Gt => ">",
        Filter.Operator.Gte => ">=",
        Filter.Operator.Lt => "<",
        Filter.Operator.Lte => "<=",
        _ => throw new NotSupportedException(op.ToString()),
    };

    private static string Parameter(SqliteCommand command, JsonElement value)
    {
        var name = $"$p{command.Parameters.Count}";
        command.Parameters.AddWithValue(name, value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.True => 1,
            JsonValueKind.False => 0,
            JsonValueKind.Null => DBNull.Value,
            _ => throw new NotSupportedException($"Filter values must be scalars, not {value.ValueKind}."),
        });
        return name;
    }
}
