using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// The path and query parameters of the API's operations, in OpenAPI v3 form, named and placed as kube-apiserver
/// places them: kubectl looks for <c>fieldValidation</c> among the parameters of a PATCH operation itself.
/// </summary>
internal static class OperationParameters
{
    /// <summary>The parameters every operation of a path shares: the object's name and namespace, and pretty.</summary>
    public static JsonArray PathLevel(bool namespaced, string? kindOfName)
    {
        var parameters = new JsonArray();
        if (kindOfName is not null)
        {
            parameters.Add(InPath("name", $"name of the {kindOfName}"));
        }

        if (namespaced)
        {
            parameters.Add(InPath("namespace", "object name and auth scope, such as for teams and projects"));
        }

        parameters.Add(Query("pretty", "string", "If 'true', then the output is pretty printed."));
        return parameters;
    }

    /// <summary>The query parameters of one action (list, post, put, patch, delete, deletecollection, connect, read).</summary>
    public static JsonArray ForAction(string action, string? subresource = null) => action switch
    {
        "list" => [.. ListParameters(watch: true)],
        "post" or "put" => [DryRun(), FieldManager(), FieldValidation()],
        "patch" => [DryRun(), FieldManager(), FieldValidation(), Query("force", "boolean", "Force makes an apply request take ownership of fields other managers own. It must be unset for other kinds of patch.")],
        "delete" => [DryRun(), .. DeleteParameters()],
        "deletecollection" => [.. ListParameters(watch: false).Where(p => p["name"]!.GetValue<string>() is not "allowWatchBookmarks" and not "sendInitialEvents"), DryRun(), .. DeleteParameters()],
        "connect" when subresource is "exec" or "attach" => [.. ConnectParameters(subresource)],
        "get" when subresource is "log" => [.. LogParameters()],
        _ => [],
    };

    private static JsonObject DryRun() =>
        Query("dryRun", "string", "When present, the request is validated and processed but nothing is persisted. The only accepted value is All.");

    private static JsonObject FieldManager() =>
        Query("fieldManager", "string", "The name of the actor making the change, recorded in managedFields. At most 128 printable characters.");

    private static JsonObject FieldValidation() =>
        Query("fieldValidation", "string", "How the server treats unknown or duplicate fields in the request body: Ignore drops them silently, Warn drops them with a warning header, Strict rejects the request with a BadRequest error listing them.");

    private static IEnumerable<JsonObject> ListParameters(bool watch)
    {
        yield return Query("allowWatchBookmarks", "boolean", "Ask a watch for BOOKMARK events.");
        yield return Query("continue", "string", "The continue token of the previous page of a limited list.");
        yield return Query("fieldSelector", "string", "Restrict the objects by their fields. Defaults to everything.");
        yield return Query("labelSelector", "string", "Restrict the objects by their labels. Defaults to everything.");
        yield return Query("limit", "integer", "The largest number of objects to return; the list metadata carries a continue token when more exist.");
        yield return Query("resourceVersion", "string", "Constrains which resource versions the request may be served from.");
        yield return Query("resourceVersionMatch", "string", "How resourceVersion applies to a list: Exact or NotOlderThan.");
        yield return Query("sendInitialEvents", "boolean", "Start a watch with synthetic ADDED events for the current state.");
        yield return Query("timeoutSeconds", "integer", "The time limit of the list or watch call.");
        if (watch)
        {
            yield return Query("watch", "boolean", "Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.");
        }
    }

    private static IEnumerable<JsonObject> DeleteParameters()
    {
        yield return Query("gracePeriodSeconds", "integer", "Seconds before the object is deleted; zero deletes immediately.");
        yield return Query("orphanDependents", "boolean", "Deprecated: use propagationPolicy. Whether dependents are orphaned.");
        yield return Query("propagationPolicy", "string", "Whether and how the garbage collector deletes dependents: Orphan, Background or Foreground.");
    }

    private static IEnumerable<JsonObject> ConnectParameters(string subresource)
    {
        if (subresource == "exec")
        {
            yield return Query("command", "string", "The command to execute, one argument per occurrence.");
        }

        yield return Query("container", "string", "The container to connect to; defaults to the only container of the pod.");
        yield return Query("stderr", "boolean", "Redirect the standard error stream.");
        yield return Query("stdin", "boolean", "Redirect the standard input stream.");
        yield return Query("stdout", "boolean", "Redirect the standard output stream.");
        yield return Query("tty", "boolean", "Allocate a terminal.");
    }

    private static IEnumerable<JsonObject> LogParameters()
    {
        yield return Query("container", "string", "The container whose log to read; defaults to the only container of the pod.");
        yield return Query("follow", "boolean", "Stream the log as it grows.");
        yield return Query("limitBytes", "integer", "The largest number of bytes to return.");
        yield return Query("previous", "boolean", "Read the log of the previous, terminated instance of the container.");
        yield return Query("sinceSeconds", "integer", "Only lines written in the last this many seconds.");
        yield return Query("tailLines", "integer", "Only the last this many lines.");
        yield return Query("timestamps", "boolean", "Prefix each line with its RFC3339 timestamp.");
    }

    private static JsonObject InPath(string name, string description) => new()
    {
        ["description"] = description,
        ["in"] = "path",
        ["name"] = name,
        ["required"] = true,
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private static JsonObject Query(string name, string type, string description) => new()
    {
        ["description"] = description,
        ["in"] = "query",
        ["name"] = name,
        ["schema"] = new JsonObject { ["type"] = type, ["uniqueItems"] = true },
    };
}
