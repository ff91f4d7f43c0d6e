using System.Text.Json.Nodes;
using static VmAddon.Patching.StrategicDirectives;

namespace VmAddon.Patching;

/// <summary>Merges a strategic merge patch into a mutable copy of the original, the way kube-apiserver does for a PATCH request.</summary>
internal sealed class StrategicMerger(IStrategicSchema schema)
{
    private const string InvalidRetainKeys = "invalid patch format of retainKeys";

    public JsonObject MergeMap(JsonObject? original, JsonObject patch, string path)
    {
        if (patch.TryGetPropertyValue(Patch, out var directive))
        {
            var kind = directive?.GetValueKind() == System.Text.Json.JsonValueKind.String ? directive.GetValue<string>() : directive?.ToJsonString();
            switch (kind)
            {
                case Replace:
                    // The map becomes exactly the patch, minus its directives.
                    var replacement = (JsonObject)patch.DeepClone();
                    replacement.Remove(Patch);
                    return MergeMap(null, replacement, path);
                case Delete:
                    return [];
                default:
                    throw new PatchException($"unknown patch type: {kind} in map: {patch.ToJsonString()}");
            }
        }

        var result = original ?? [];
        if (patch.TryGetPropertyValue(RetainKeys, out var retain))
        {
            if (retain is not JsonArray retained)
            {
                throw new PatchException(InvalidRetainKeys, PatchException.BadRequest);
            }

            var keep = retained.Select(k => k?.ToString()).ToHashSet(StringComparer.Ordinal);
            // kube rejects a patch that sets a field its own $retainKeys would drop.
            if (patch.Any(p => p.Value is not null && !p.Key.StartsWith('$') && !keep.Contains(p.Key)))
            {
                throw new PatchException(InvalidRetainKeys, PatchException.BadRequest);
            }

            foreach (var name in result.Select(p => p.Key).Where(n => !keep.Contains(n)).ToList())
            {
                result.Remove(name);
            }
        }

        // Deletions go first so that the same patch can remove and add values of one list.
        foreach (var (name, value) in patch.Where(p => p.Key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal)).ToList())
        {
            var field = name[DeleteFromPrimitiveListPrefix.Length..];
            if (result[field] is JsonArray list && value is JsonArray doomed)
            {
                for (var i = list.Count - 1; i >= 0; i--)
                {
                    if (doomed.Any(d => JsonNode.DeepEquals(d, list[i])))
                    {
                        list.RemoveAt(i);
                    }
                }
            }
        }

        foreach (var (name, value) in patch.ToList())
        {
            if (name.StartsWith('$'))
            {
                continue;
            }

            var fieldPath = Child(path, name);
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            result.TryGetPropertyValue(name, out var current);
            var order = patch[SetElementOrderPrefix + name] as JsonArray;
            result[name] = (current, value) switch
            {
                (JsonObject currentMap, JsonObject patchMap) => schema.Describe(fieldPath).Strategy == PatchStrategy.Replace
                    ? MergeMap(null, patchMap, fieldPath)
                    : MergeMap(currentMap, patchMap, fieldPath),
                (JsonArray currentList, JsonArray patchList) => MergeList(currentList, patchList, order, fieldPath),
                (_, JsonObject patchMap) => MergeMap(null, patchMap, fieldPath),
                (_, JsonArray patchList) => MergeList(null, patchList, order, fieldPath),
                _ => value.DeepClone(),
            };
        }

        // An order directive may name a list the patch does not otherwise touch.
        foreach (var (name, value) in patch.Where(p => p.Key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)).ToList())
        {
            var field = name[SetElementOrderPrefix.Length..];
            if (!patch.ContainsKey(field) && result[field] is JsonArray list && value is JsonArray order)
            {
                result[field] = MergeList(list, [], order, Child(path, field));
            }
        }

        return result;
    }

    private JsonArray MergeList(JsonArray? original, JsonArray patch, JsonArray? order, string path)
    {
        var field = schema.Describe(path);
        if (!field.MergesList)
        {
            return [.. patch.Select(item => item is JsonObject map ? MergeMap(null, map, path) : item?.DeepClone())];
        }

        var current = original?.ToList() ?? [];
        var isMapList = current.Concat(patch).Any(item => item is JsonObject);
        if (!isMapList)
        {
            var merged = new List<JsonNode?>();
            foreach (var item in current.Concat(patch))
            {
                if (!merged.Any(m => JsonNode.DeepEquals(m, item)))
                {
                    merged.Add(item?.DeepClone());
                }
            }

            return Order(merged, order ?? patch, current, null);
        }

        var mergeKey = field.MergeKey ?? throw new PatchException($"cannot merge lists without merge key for {path}");
        var plainItems = new List<JsonObject>();
        var replace = false;
        foreach (var item in patch)
        {
            if (item is not JsonObject map)
            {
                throw new PatchException($"invalid patch: list {path} mixes maps and other values");
            }

            if (!map.TryGetPropertyValue(Patch, out var directive))
            {
                plainItems.Add(map);
                continue;
            }

            switch (directive?.ToString())
            {
                case Delete:
                    var key = KeyOf(map, mergeKey);
                    current.RemoveAll(c => c is JsonObject m && JsonNode.DeepEquals(m[mergeKey], key));
                    break;
                case Replace:
                    replace = true;
                    break;
                case Merge:
                    throw new PatchException("merging lists cannot yet be specified in the patch");
                default:
                    throw new PatchException($"unknown patch type: {directive} in map: {map.ToJsonString()}");
            }
        }

        if (replace)
        {
            // The list becomes exactly the items of the patch.
            return [.. plainItems.Select(item => MergeMap(null, item, path))];
        }

        var result = current.Select(item => item?.DeepClone()).ToList();
        foreach (var item in plainItems)
        {
            var key = KeyOf(item, mergeKey);
            var index = result.FindIndex(r => r is JsonObject m && JsonNode.DeepEquals(m[mergeKey], key));
            if (index >= 0)
            {
                result[index] = MergeMap((JsonObject)result[index]!, item, path);
            }
            else
            {
                result.Add(MergeMap(null, item, path));
            }
        }

        return Order(result, order ?? [.. plainItems.Select(p => p.DeepClone())], current, mergeKey);
    }

    private static JsonNode KeyOf(JsonObject item, string mergeKey) =>
        item[mergeKey] ?? throw new PatchException($"map: {item.ToJsonString()} does not contain declared merge key: {mergeKey}");

    /// <summary>
    /// Items the patch names follow the patch's (or $setElementOrder's) order; items only the server has keep
    /// their place relative to each other; the two are interleaved by their positions in the original list.
    /// </summary>
    private static JsonArray Order(List<JsonNode?> merged, IEnumerable<JsonNode?> patchOrder, List<JsonNode?> serverOrder, string? mergeKey)
    {
        var patchList = patchOrder.ToList();
        var named = merged.Where(m => IndexOf(patchList, m, mergeKey) >= 0).OrderBy(m => IndexOf(patchList, m, mergeKey)).ToList();
        var serverOnly = merged.Where(m => IndexOf(patchList, m, mergeKey) < 0)
            .Select((m, i) => (Item: m, Rank: IndexOf(serverOrder, m, mergeKey) is var r && r >= 0 ? r : int.MaxValue - merged.Count + i))
            .OrderBy(x => x.Rank)
            .Select(x => x.Item)
            .ToList();

        var result = new JsonArray();
        int left = 0, right = 0;
        while (left < serverOnly.Count || right < named.Count)
        {
            bool takeLeft;
            if (right >= named.Count)
            {
                takeLeft = true;
            }
            else if (left >= serverOnly.Count)
            {
                takeLeft = false;
            }
            else
            {
                var l = IndexOf(serverOrder, serverOnly[left], mergeKey);
                var r = IndexOf(serverOrder, named[right], mergeKey);
                // When either is new to the server there is nothing to compare, and kube puts the patch's item first.
                takeLeft = l >= 0 && r >= 0 && l < r;
            }

            result.Add(takeLeft ? serverOnly[left++] : named[right++]);
        }

        return result;
    }

    private static int IndexOf(List<JsonNode?> list, JsonNode? item, string? mergeKey) =>
        mergeKey is null
            ? list.FindIndex(x => JsonNode.DeepEquals(x, item))
            : list.FindIndex(x => x is JsonObject m && item is JsonObject i && JsonNode.DeepEquals(m[mergeKey], i[mergeKey]));
}
