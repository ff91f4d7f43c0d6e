using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VmAddon.Patching;

/// <summary>
/// The patch client-side <c>kubectl apply</c> sends: fields dropped from the file since the last apply are deleted,
/// fields the file sets are set, and fields only the server or other writers set are left alone.
/// </summary>
public static class ThreeWayMerge
{
    public const string LastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly JsonSerializerOptions AnnotationJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The patch kubectl apply sends for <paramref name="configuration"/> (the file) against <paramref name="live"/>:
    /// a strategic merge patch when <paramref name="schema"/> is given (built-in types), else a JSON merge patch (custom resources).
    /// The last-applied configuration is read from, and the new one written to, the annotation. An empty object means "unchanged".
    /// </summary>
    public static JsonObject CreateApplyPatch(JsonObject configuration, JsonObject live, IStrategicSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(live);
        var lastApplied = live["metadata"]?["annotations"]?[LastAppliedAnnotation] is JsonValue text && text.TryGetValue<string>(out var json)
            ? JsonNode.Parse(json) as JsonObject
            : null;
        return CreatePatch(lastApplied, WithLastApplied(configuration), live, schema);
    }

    /// <summary>The three-way patch from explicit parts: <paramref name="lastApplied"/> may be null when the object was never applied.</summary>
    public static JsonObject CreatePatch(JsonObject? lastApplied, JsonObject modified, JsonObject live, IStrategicSchema? schema)
    {
        ArgumentNullException.ThrowIfNull(modified);
        ArgumentNullException.ThrowIfNull(live);
        if (schema is null)
        {
            var changes = (JsonObject)JsonMergePatch.Create(live, modified)!;
            DropNulls(changes);
            var deletions = lastApplied is null ? [] : (JsonObject)JsonMergePatch.Create(lastApplied, modified)!;
            KeepOnlyNulls(deletions);
            return (JsonObject)JsonMergePatch.Apply(deletions, changes)!;
        }

        var delta = new StrategicDiffer(schema, new DiffOptions(IgnoreDeletions: true, IgnoreChangesAndAdditions: false)).Diff(live, modified, string.Empty);
        var removals = lastApplied is null
            ? []
            : new StrategicDiffer(schema, new DiffOptions(IgnoreDeletions: false, IgnoreChangesAndAdditions: true)).Diff(lastApplied, modified, string.Empty);
        return Combine(removals, delta, schema, string.Empty);
    }

    /// <summary>A copy of the file with the annotation kubectl writes: the file itself, without that annotation, as sorted compact JSON.</summary>
    public static JsonObject WithLastApplied(JsonObject configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var bare = (JsonObject)configuration.DeepClone();
        if (bare["metadata"]?["annotations"] is JsonObject annotations)
        {
            annotations.Remove(LastAppliedAnnotation);
            if (annotations.Count == 0)
            {
                bare["metadata"]!.AsObject().Remove("annotations");
            }
        }

        // Go marshals maps with sorted keys and kubectl's encoder ends with a newline; matching both keeps the annotation byte-stable.
        var text = Sorted(bare)!.ToJsonString(AnnotationJson) + "\n";
        var result = (JsonObject)configuration.DeepClone();
        var metadata = result["metadata"] as JsonObject ?? (JsonObject)(result["metadata"] = new JsonObject());
        var target = metadata["annotations"] as JsonObject ?? (JsonObject)(metadata["annotations"] = new JsonObject());
        target[LastAppliedAnnotation] = text;
        return result;
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Merges the deletion half into the change half; the two never disagree, since one only deletes and the other only sets.</summary>
    private static JsonObject Combine(JsonObject removals, JsonObject delta, IStrategicSchema schema, string path)
    {
        var result = (JsonObject)removals.DeepClone();
        foreach (var (name, value) in delta)
        {
            var fieldPath = StrategicDirectives.Child(path, name);
            var field = schema.Describe(fieldPath);
            result.TryGetPropertyValue(name, out var existing);
            result[name] = (existing, value) switch
            {
                (JsonObject a, JsonObject b) => Combine(a, b, schema, fieldPath),
                (JsonArray a, JsonArray b) when field.MergesList && field.MergeKey is { } key => CombineKeyed(a, b, key, schema, fieldPath),
                _ => value?.DeepClone(),
            };
        }

        return result;
    }

    private static JsonArray CombineKeyed(JsonArray removals, JsonArray delta, string key, IStrategicSchema schema, string path)
    {
        var result = removals.Select(r => r?.DeepClone()).ToList();
        foreach (var item in delta)
        {
            var index = result.FindIndex(r => r is JsonObject m && item is JsonObject i && JsonNode.DeepEquals(m[key], i[key]));
            if (index >= 0 && result[index] is JsonObject a && item is JsonObject b)
            {
                result[index] = Combine(a, b, schema, path);
            }
            else
            {
                result.Add(item?.DeepClone());
            }
        }

        return [.. result];
    }

    private static void DropNulls(JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
            {
                patch.Remove(name);
            }
            else if (value is JsonObject { Count: > 0 } child)
            {
                DropNulls(child);
                // A map the file sets to {} is a real change; one emptied by dropping deletions is not.
                if (child.Count == 0)
                {
                    patch.Remove(name);
                }
            }
        }
    }

    private static void KeepOnlyNulls(JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject child)
            {
                KeepOnlyNulls(child);
                if (child.Count == 0)
                {
                    patch.Remove(name);
                }
            }
            else if (value is not null)
            {
                patch.Remove(name);
            }
        }
    }
}
