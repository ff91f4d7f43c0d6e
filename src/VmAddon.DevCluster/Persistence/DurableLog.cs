using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Persistence;

/// <summary>An append-only, fsync'd log of writes plus a snapshot it is compacted into. A write is acknowledged only once it is on disk.</summary>
internal sealed class DurableLog : IDisposable
{
    private const string LogFile = "store.log";
    private const string SnapshotFile = "snapshot.json";
    private readonly string _directory;
    private readonly FileStream _log;

    private DurableLog(string directory, FileStream log)
    {
        _directory = directory;
        _log = log;
    }

    public static (DurableLog Log, StoreState State) Open(string directory)
    {
        Directory.CreateDirectory(directory);
        var objects = new Dictionary<ObjectKey, JsonObject>();
        long resourceVersion = 0;

        var snapshotPath = Path.Combine(directory, SnapshotFile);
        if (File.Exists(snapshotPath))
        {
            var snapshot = JsonNode.Parse(File.ReadAllBytes(snapshotPath))!.AsObject();
            resourceVersion = (long)snapshot["rv"]!;
            foreach (var item in snapshot["entries"]!.AsArray())
            {
                var entry = LogEntry.FromJson(item!.AsObject());
                objects[entry.Key] = entry.Object!;
            }
        }

        var logPath = Path.Combine(directory, LogFile);
        var validLength = Replay(logPath, objects, ref resourceVersion);
        var log = new FileStream(logPath, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        // Cut a torn last line away, so the next append starts on a clean line.
        log.SetLength(validLength);
        log.Seek(validLength, SeekOrigin.Begin);
        return (new DurableLog(directory, log), new StoreState(objects, resourceVersion));
    }

    public void Append(LogEntry entry)
    {
        var bytes = Encoding.UTF8.GetBytes(entry.ToLine() + "\n");
        var end = _log.Position;
        try
        {
            _log.Write(bytes);
            _log.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // A half-written entry in the middle of the log would make it unreadable: cut it off before the error surfaces.
            _log.SetLength(end);
            _log.Seek(end, SeekOrigin.Begin);
            throw;
        }
    }

    /// <summary>Writes all objects to a new snapshot, then starts an empty log. A crash in between is safe: replay skips entries the snapshot covers.</summary>
    public void Compact(IEnumerable<(ObjectKey Key, JsonObject Object)> objects, long resourceVersion)
    {
        var entries = new JsonArray();
        foreach (var (key, obj) in objects)
        {
            entries.Add(JsonNode.Parse(new LogEntry(key, resourceVersion, obj).ToLine()));
        }

        var snapshot = new JsonObject { ["rv"] = resourceVersion, ["entries"] = entries };
        var temporary = Path.Combine(_directory, SnapshotFile + ".tmp");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            file.Write(Encoding.UTF8.GetBytes(snapshot.ToJsonString()));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(_directory, SnapshotFile), overwrite: true);
        _log.SetLength(0);
        _log.Seek(0, SeekOrigin.Begin);
        _log.Flush(flushToDisk: true);
    }

    public void Dispose() => _log.Dispose();

    private static long Replay(string path, Dictionary<ObjectKey, JsonObject> objects, ref long resourceVersion)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        var bytes = File.ReadAllBytes(path);
        long start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', (int)start);
            if (end < 0)
            {
                // A line without its newline was never acknowledged: the process died while writing it.
                break;
            }

            var line = new ReadOnlySpan<byte>(bytes, (int)start, (int)(end - start));
            LogEntry entry;
            try
            {
                entry = LogEntry.FromJson(JsonNode.Parse(line)!.AsObject());
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
            {
                if (end == bytes.Length - 1)
                {
                    break;
                }

                throw new InvalidDataException($"{path}: unreadable entry at byte {start}, followed by more entries", e);
            }

            if (entry.ResourceVersion > resourceVersion)
            {
                if (entry.Object is null)
                {
                    objects.Remove(entry.Key);
                }
                else
                {
                    objects[entry.Key] = entry.Object;
                }

                resourceVersion = entry.ResourceVersion;
            }

            start = end + 1;
        }

        return start;
    }
}
