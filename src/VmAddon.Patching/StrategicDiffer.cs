using System.Text.Json.Nodes;
using static VmAddon.Patching.StrategicDirectives;

namespace VmAddon.Patching;

/// <summary>Builds the strategic merge patch from one object to another, as kubectl computes it for apply.</summary>
internal sealed class StrategicDiffer(IStrategicSchema schema, DiffOptions options)
{
    public JsonObject Diff(JsonObject original, JsonObject modified, string path)
    {
        var patch = new JsonObject();
        if (!options.IgnoreDeletions)
        {
            foreach (var (name, _) in original.Where(p => !modified.ContainsKey(p.Key)))
            {
                patch[name] = null;
            }
        }

        foreach (var (name, value) in modified)
        {
            var fieldPath = Child(path, name);
            if (!original.TryGetPropertyValue(name, out var old))
            {
                if (!options.IgnoreChangesAndAdditions)
                {
                    patch[name] = value?.DeepClone();
                }

                continue;
            }

            if (JsonNode.DeepEquals(old, value))
            {
                continue;
            }

            var field = schema.Describe(fieldPath);
            switch (old, value)
            {
                case (JsonObject oldMap, JsonObject newMap) when field.Strategy != PatchStrategy.Replace:
                    var sub = Diff(oldMap, newMap, fieldPath);
                    if (sub.Count > 0)
                    {
                        patch[name] = sub;
                    }

                    break;
                case (JsonArray oldList, JsonArray newList) when field.MergesList:
                    DiffList(patch, name, oldList, newList, field, fieldPath);
                    break;
                default:
                    if (!options.IgnoreChangesAndAdditions)
                    {
                        patch[name] = value?.DeepClone();
                    }

                    break;
            }
        }

        return patch;
    }

    private void DiffList(JsonObject patch, string name, JsonArray oldList, JsonArray newList, StrategicField field, string path)
    {
        var items = new JsonArray();
        var deletions = new JsonArray();
        var isMapList = oldList.Concat(newList).Any(i => i is JsonObject);
        if (isMapList && field.MergeKey is { } key)
        {
            foreach (var item in newList.OfType<JsonObject>())
            {
                var old = oldList.OfType<JsonObject>().FirstOrDefault(o => JsonNode.DeepEquals(o[key], item[key]));
                if (old is null)
                {
                    if (!options.IgnoreChangesAndAdditions)
                    {
                        items.Add(item.DeepClone());
                    }

                    continue;
                }

                var sub = Diff(old, item, path);
                if (sub.Count > 0)
                {
                    // The merge key says which item the change is for.
                    var keyed = new JsonObject { [key] = item[key]?.DeepClone() };
                    foreach (var (k, v) in sub)
                    {
                        keyed[k] = v?.DeepClone();
                    }

                    items.Add(keyed);
                }
            }

            if (!options.IgnoreDeletions)
            {
                foreach (var old in oldList.OfType<JsonObject>().Where(o => !newList.OfType<JsonObject>().Any(n => JsonNode.DeepEquals(n[key], o[key]))))
                {
                    items.Add(new JsonObject { [key] = old[key]?.DeepClone(), [Patch] = Delete });
                }
            }

            var orderChanged = !options.IgnoreChangesAndAdditions && !SameOrder(oldList, newList, key);
            if (items.Count > 0 || orderChanged)
            {
                patch[SetElementOrderPrefix + name] = new JsonArray([.. newList.OfType<JsonObject>().Select(i => (JsonNode)new JsonObject { [key] = i[key]?.DeepClone() })]);
            }
        }
        else if (!isMapList)
        {
            if (!options.IgnoreChangesAndAdditions)
            {
                items = [.. newList.Where(n => !oldList.Any(o => JsonNode.DeepEquals(o, n))).Select(n => n?.DeepClone())];
            }

            if (!options.IgnoreDeletions)
            {
                deletions = [.. oldList.Where(o => !newList.Any(n => JsonNode.DeepEquals(o, n))).Select(o => o?.DeepClone())];
            }

            var orderChanged = !options.IgnoreChangesAndAdditions && !SameOrder(oldList, newList, null);
            if (items.Count > 0 || deletions.Count > 0 || orderChanged)
            {
                patch[SetElementOrderPrefix + name] = newList.DeepClone();
            }
        }
        else
        {
            throw new PatchException($"cannot merge lists without merge key for {path}");
        }

        if (items.Count > 0)
        {
            patch[name] = items;
        }

        if (deletions.Count > 0)
        {
            patch[DeleteFromPrimitiveListPrefix + name] = deletions;
        }
    }

    /// <summary>Whether the items both lists share come in the same order.</summary>
    private static bool SameOrder(JsonArray oldList, JsonArray newList, string? key)
    {
        bool Same(JsonNode? a, JsonNode? b) => key is null ? JsonNode.DeepEquals(a, b) : JsonNode.DeepEquals(a?[key], b?[key]);
        var oldShared = oldList.Where(o => newList.Any(n => Same(o, n))).ToList();
        var newShared = newList.Where(n => oldList.Any(o => Same(o, n))).ToList();
        return oldShared.Zip(newShared).All(p => Same(p.First, p.Second));
    }
}
