using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>
/// A kubectl JSONPath template (<c>{.status.conditions[?(@.type=="Ready")].status}</c>), evaluated as client-go's jsonpath package with missing keys allowed,
/// as CRD printer columns are. Values are the object's <see cref="JsonNode"/>s (null for JSON null) or literals (string, long, double, bool).
/// </summary>
internal sealed class JsonPathTemplate
{
    private readonly JsonPathNode.Sequence _root;

    private JsonPathTemplate(JsonPathNode.Sequence root) => _root = root;

    /// <summary>Parses a template; throws <see cref="JsonPathException"/> where client-go's parser fails.</summary>
    public static JsonPathTemplate Parse(string template) => new(JsonPathParser.Parse(template));

    /// <summary>The results of each top-level node of the template (one list per action or text); throws <see cref="JsonPathException"/> where client-go's FindResults fails.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> FindResults(JsonNode? data)
    {
        var full = new List<IReadOnlyList<object?>>();
        foreach (var node in _root.Nodes)
        {
            var (results, error) = Walk([data], node);
            if (error is not null)
            {
                throw new JsonPathException(error);
            }

            full.Add(results);
        }

        return full;
    }

    private static (List<object?> Results, string? Error) Walk(List<object?> input, JsonPathNode node) => node switch
    {
        JsonPathNode.Sequence s => EvalSequence(input, s),
        JsonPathNode.Text t => ([t.Value], null),
        JsonPathNode.Field f => (EvalField(input, f.Name), null),
        JsonPathNode.Slice s => EvalSlice(input, s),
        JsonPathNode.Filter f => EvalFilter(input, f),
        JsonPathNode.Integer i => ([.. input.Select(_ => (object?)(long)i.Value)], null),
        JsonPathNode.Float f => ([.. input.Select(_ => (object?)f.Value)], null),
        JsonPathNode.Boolean b => ([.. input.Select(_ => (object?)b.Value)], null),
        JsonPathNode.Wildcard => (EvalWildcard(input), null),
        JsonPathNode.Recursive => (EvalRecursive(input), null),
        JsonPathNode.Union u => EvalUnion(input, u),
        // range/end only make sense in kubectl's output templates, never in a column.
        JsonPathNode.Identifier id => (input, $"unrecognized identifier {id.Name}"),
        _ => (input, $"unexpected Node {node}"),
    };

    /// <summary>On error, returns what the failing step returned, as Go's evalList does; filters with <c>exists</c> look at it.</summary>
    private static (List<object?> Results, string? Error) EvalSequence(List<object?> input, JsonPathNode.Sequence sequence)
    {
        var current = input;
        foreach (var node in sequence.Nodes)
        {
            var (results, error) = Walk(current, node);
            current = results;
            if (error is not null)
            {
                return (current, error);
            }
        }

        return (current, null);
    }

    private static List<object?> EvalField(List<object?> input, string name)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            if (value is JsonObject o && o.TryGetPropertyValue(name, out var child))
            {
                results.Add(child);
            }
        }

        return results;
    }

    private static (List<object?> Results, string? Error) EvalSlice(List<object?> input, JsonPathNode.Slice slice)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            if (value is null)
            {
                continue;
            }

            if (value is not JsonArray array)
            {
                return (input, $"{Describe(value)} is not array or slice");
            }

            var length = array.Count;
            var start = slice.Start.Known ? slice.Start.Value : 0;
            if (start < 0)
            {
                start += length;
            }

            var end = slice.End.Known ? slice.End.Value : length;
            if (end < 0 || (end == 0 && slice.End.Derived))
            {
                end += length;
            }

            if (end == start)
            {
                // Go returns here, dropping any further inputs: asking for zero elements ends the evaluation of this step.
                return (results, null);
            }

            if (start >= length || start < 0)
            {
                return (input, $"array index out of bounds: index {start}, length {length}");
            }

            if (end > length || end < 0)
            {
                return (input, $"array index out of bounds: index {end - 1}, length {length}");
            }

            if (start > end)
            {
                return (input, $"starting index {start} is greater than ending index {end}");
            }

            var step = 1;
            if (slice.Step.Known)
            {
                if (slice.Step.Value <= 0)
                {
                    return (input, "step must be > 0");
                }

                step = slice.Step.Value;
            }

            for (var i = start; i < end; i += step)
            {
                results.Add(array[i]);
            }
        }

        return (results, null);
    }

    private static (List<object?> Results, string? Error) EvalUnion(List<object?> input, JsonPathNode.Union union)
    {
        var results = new List<object?>();
        foreach (var branch in union.Branches)
        {
            var (values, error) = EvalSequence(input, branch);
            if (error is not null)
            {
                return (input, error);
            }

            results.AddRange(values);
        }

        return (results, null);
    }

    private static List<object?> EvalWildcard(List<object?> input)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            results.AddRange(Children(value));
        }

        return results;
    }

    private static List<object?> EvalRecursive(List<object?> input)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            var children = Children(value);
            if (children.Count != 0)
            {
                results.Add(value);
                results.AddRange(EvalRecursive(children));
            }
        }

        return results;
    }

    /// <summary>The values of a map or the elements of a list. (Go also walks the bytes of a string; no column path relies on that.)</summary>
    private static List<object?> Children(object? value) => value switch
    {
        JsonObject o => [.. o.Select(p => (object?)p.Value)],
        JsonArray a => [.. a.Select(e => (object?)e)],
        _ => [],
    };

    private static (List<object?> Results, string? Error) EvalFilter(List<object?> input, JsonPathNode.Filter filter)
    {
        var results = new List<object?>();
        foreach (var value in input)
        {
            if (value is not JsonArray array)
            {
                return (input, $"{Describe(value)} is not array or slice and cannot be filtered");
            }

            foreach (var element in array)
            {
                List<object?> item = [element];
                var (lefts, leftError) = EvalSequence(item, filter.Left);
                if (filter.Operator == "exists")
                {
                    if (lefts.Count > 0)
                    {
                        results.Add(element);
                    }

                    continue;
                }

                if (leftError is not null)
                {
                    return (input, leftError);
                }

                if (lefts.Count == 0)
                {
                    continue;
                }

                if (lefts.Count > 1)
                {
                    return (input, "can only compare one element at a time");
                }

                var (rights, rightError) = EvalSequence(item, filter.Right);
                if (rightError is not null)
                {
                    return (input, rightError);
                }

                if (rights.Count == 0)
                {
                    continue;
                }

                if (rights.Count > 1)
                {
                    return (input, "can only compare one element at a time");
                }

                try
                {
                    if (JsonPathComparison.Evaluate(filter.Operator, lefts[0], rights[0]))
                    {
                        results.Add(element);
                    }
                }
                catch (JsonPathException e)
                {
                    return (results, e.Message);
                }
            }
        }

        return (results, null);
    }

    private static string Describe(object? value) => value switch
    {
        null => "<nil>",
        JsonObject => "map[string]interface {}",
        JsonNode n => n.ToJsonString(),
        _ => value.ToString() ?? "",
    };
}
