using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;

namespace VmAddon.DevCluster.Http;

/// <summary>Reads a request's query parameters (and a DELETE's DeleteOptions body) into the registry's option types.</summary>
internal sealed class RequestQuery(IQueryCollection query)
{
    public string? this[string name] => query.TryGetValue(name, out var values) ? values.ToString() : null;

    public bool Flag(string name) => this[name] is "1" or "true" or "True";

    public long? Long(string name)
    {
        var text = this[name];
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"invalid value for {name}: \"{text}\"");
    }

    public ListOptions List(string? ns) => new(ns, this["labelSelector"], this["fieldSelector"], (int?)Long("limit"), this["continue"]);

    public WatchOptions Watch(string? ns) =>
        new(ns, this["labelSelector"], this["fieldSelector"], this["resourceVersion"], Flag("allowWatchBookmarks"));

    public WriteOptions Write() => new(
        this["fieldValidation"] switch
        {
            null or "" or "Warn" => FieldValidation.Warn,
            "Strict" => FieldValidation.Strict,
            "Ignore" => FieldValidation.Ignore,
            var other => throw ApiException.BadRequest($"fieldValidation: Unsupported value: \"{other}\": supported values: \"Ignore\", \"Strict\", \"Warn\""),
        },
        DryRun());

    /// <summary>DeleteOptions from the query, overridden by those in the body (kubectl sends a body).</summary>
    public DeleteOptions Delete(JsonObject? body)
    {
        var policy = body?["propagationPolicy"]?.GetValue<string>() ?? this["propagationPolicy"];
        var orphan = body?["orphanDependents"]?.GetValue<bool>() ?? (this["orphanDependents"] is { } o ? o == "true" : (bool?)null);
        return new DeleteOptions(
            policy switch
            {
                null or "" => orphan == true ? PropagationPolicy.Orphan : orphan == false ? PropagationPolicy.Background : null,
                "Background" => PropagationPolicy.Background,
                "Foreground" => PropagationPolicy.Foreground,
                "Orphan" => PropagationPolicy.Orphan,
                _ => throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{policy}\": supported values: \"Foreground\", \"Background\", \"Orphan\""),
            },
            body?["gracePeriodSeconds"]?.GetValue<long>() ?? Long("gracePeriodSeconds"),
            body?["preconditions"]?["uid"]?.GetValue<string>(),
            body?["preconditions"]?["resourceVersion"]?.GetValue<string>(),
            DryRun() || body?["dryRun"] is JsonArray { Count: > 0 });
    }

    private bool DryRun() => this["dryRun"] switch
    {
        null or "" => false,
        "All" => true,
        var other => throw ApiException.BadRequest($"dryRun: Unsupported value: \"{other}\": supported values: \"All\""),
    };
}
