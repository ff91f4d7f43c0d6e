using System.Globalization;
using System.Text.Json.Nodes;
using k8s.Models;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>
/// The OpenAPI v3 paths of one resource, shaped as kube-apiserver publishes them: collection and item paths
/// (namespaced, plus the all-namespaces list), subresources, and operations carrying <c>x-kubernetes-action</c> and
/// <c>x-kubernetes-group-version-kind</c>, which kubectl explain and kubectl's field-validation check look for.
/// </summary>
internal static class ResourcePaths
{
    private static readonly string[] _objectMediaTypes = ["application/json", "application/yaml"];

    private static readonly string[] _listMediaTypes = ["application/json", "application/json;stream=watch", "application/yaml"];

    private static readonly string[] _mergePatchTypes = ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json"];

    /// <summary>Adds the resource's paths, and the schemas its subresources need.</summary>
    /// <param name="paths">The document's paths, keyed by URL template.</param>
    /// <param name="schemas">The document's component schemas.</param>
    /// <param name="groupVersion">The resource's group and version.</param>
    /// <param name="resource">The resource.</param>
    /// <param name="kindSchema">The definition name of the resource's kind.</param>
    /// <param name="listSchema">The definition name of its list kind.</param>
    public static void AddTo(IDictionary<string, JsonObject> paths, IDictionary<string, JsonObject> schemas, ApiGroupVersion groupVersion,
        ApiResource resource, string kindSchema, string listSchema)
    {
        var context = new Context(groupVersion, resource, kindSchema);
        var collection = resource.Namespaced
            ? $"{groupVersion.Prefix}/namespaces/{{namespace}}/{resource.Plural}"
            : $"{groupVersion.Prefix}/{resource.Plural}";
        var item = collection + "/{name}";
        var verbs = resource.Verbs.ToHashSet(StringComparer.Ordinal);

        var collectionOperations = new JsonObject();
        if (verbs.Contains("deletecollection"))
        {
            collectionOperations["delete"] = context.Operation($"delete collection of {resource.Kind}", $"delete{groupVersion.OperationPart}Collection{context.Scope}{resource.Kind}",
                "deletecollection", context.Gvk, Body(KubeModelNames.DeleteOptions), StatusResponses());
        }

        if (verbs.Contains("list"))
        {
            collectionOperations["get"] = context.Operation($"list or watch objects of kind {resource.Kind}", $"list{groupVersion.OperationPart}{context.Scope}{resource.Kind}",
                "list", context.Gvk, null, Responses(listSchema, _listMediaTypes, ("200", "OK")));
        }

        if (verbs.Contains("create"))
        {
            collectionOperations["post"] = context.Operation($"create a {resource.Kind}", $"create{groupVersion.OperationPart}{context.Scope}{resource.Kind}",
                "post", context.Gvk, Body(kindSchema), Responses(kindSchema, _objectMediaTypes, ("200", "OK"), ("201", "Created"), ("202", "Accepted")));
        }

        AddPath(paths, collection, collectionOperations, OperationParameters.PathLevel(resource.Namespaced, null));
        AddPath(paths, item, context.ItemOperations(verbs, "", kindSchema, context.Gvk), OperationParameters.PathLevel(resource.Namespaced, resource.Kind));

        if (resource.Namespaced && verbs.Contains("list"))
        {
            var everywhere = new JsonObject
            {
                ["get"] = context.Operation($"list or watch objects of kind {resource.Kind}", $"list{groupVersion.OperationPart}{resource.Kind}ForAllNamespaces",
                    "list", context.Gvk, null, Responses(listSchema, _listMediaTypes, ("200", "OK"))),
            };
            AddPath(paths, $"{groupVersion.Prefix}/{resource.Plural}", everywhere, OperationParameters.PathLevel(false, null));
        }

        var subresourceParameters = OperationParameters.PathLevel(resource.Namespaced, resource.Kind);
        if (resource.HasStatus)
        {
            AddPath(paths, item + "/status", context.ItemOperations(["get", "update", "patch"], "status", kindSchema, context.Gvk), subresourceParameters);
        }

        if (resource.Scale is not null)
        {
            var scale = ModelSchemas.AddTo(schemas, typeof(V1Scale));
            AddPath(paths, item + "/scale", context.ItemOperations(["get", "update", "patch"], "scale", scale, Gvk.Of("autoscaling", "v1", "Scale")),
                (JsonArray)subresourceParameters.DeepClone());
        }

        foreach (var (subresource, subresourceVerbs) in resource.OtherSubresources.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var operations = context.OtherSubresource(schemas, subresource, subresourceVerbs);
            AddPath(paths, $"{item}/{subresource}", operations, (JsonArray)subresourceParameters.DeepClone());
        }
    }

    private static void AddPath(IDictionary<string, JsonObject> paths, string path, JsonObject operations, JsonArray parameters)
    {
        if (operations.Count == 0)
        {
            return;
        }

        operations["parameters"] = parameters;
        paths[path] = Sorted(operations);
    }

    private static JsonObject Sorted(JsonObject operations)
    {
        var sorted = new JsonObject();
        foreach (var key in operations.Select(o => o.Key).Order(StringComparer.Ordinal).ToList())
        {
            var value = operations[key];
            operations.Remove(key);
            sorted[key] = value;
        }

        return sorted;
    }

    private static JsonObject Body(string schema) => new()
    {
        ["content"] = new JsonObject { ["*/*"] = new JsonObject { ["schema"] = ModelSchemas.Ref(schema) } },
    };

    private static JsonObject PatchBody(bool strategicMerge)
    {
        var content = new JsonObject();
        foreach (var mediaType in strategicMerge ? [.. _mergePatchTypes, "application/strategic-merge-patch+json"] : _mergePatchTypes)
        {
            content[mediaType] = new JsonObject { ["schema"] = ModelSchemas.Ref(KubeModelNames.Patch) };
        }

        return new JsonObject { ["content"] = content };
    }

    private static JsonObject StatusResponses() =>
        Responses(KubeModelNames.Status, _objectMediaTypes, ("200", "OK"), ("202", "Accepted"));

    private static JsonObject Responses(string schema, string[] mediaTypes, params (string Code, string Description)[] codes) =>
        Responses(() => ModelSchemas.Ref(schema), mediaTypes, codes);

    private static JsonObject Responses(Func<JsonObject> schema, string[] mediaTypes, params (string Code, string Description)[] codes)
    {
        var responses = new JsonObject();
        foreach (var (code, description) in codes)
        {
            var content = new JsonObject();
            foreach (var mediaType in mediaTypes)
            {
                content[mediaType] = new JsonObject { ["schema"] = schema() };
            }

            responses[code] = new JsonObject { ["content"] = content, ["description"] = description };
        }

        responses["401"] = new JsonObject { ["description"] = "Unauthorized" };
        return responses;
    }

    private static JsonObject Text() => new() { ["type"] = "string" };

    /// <summary>What every operation of one resource shares.</summary>
    private sealed class Context(ApiGroupVersion groupVersion, ApiResource resource, string kindSchema)
    {
        public string Scope { get; } = resource.Namespaced ? "Namespaced" : "";

        public JsonObject Gvk => OpenApi.Gvk.Of(resource.Group, resource.Version, resource.Kind);

        // Only built-in kinds accept strategic merge patches; kubectl apply falls back to a merge patch for the rest.
        private bool StrategicMerge => resource.ModelType is not null;

        /// <summary>read, replace, patch and delete on an object or on its status or scale.</summary>
        public JsonObject ItemOperations(IEnumerable<string> verbs, string subresource, string schema, JsonObject gvk)
        {
            var of = subresource.Length == 0 ? "" : subresource + " of ";
            var suffix = Capitalize(subresource);
            var verbSet = verbs.ToHashSet(StringComparer.Ordinal);
            var operations = new JsonObject();
            if (verbSet.Contains("delete") && subresource.Length == 0)
            {
                operations["delete"] = Operation($"delete a {resource.Kind}", Id("delete", suffix), "delete", gvk, Body(KubeModelNames.DeleteOptions), StatusResponses());
            }

            if (verbSet.Contains("get"))
            {
                operations["get"] = Operation($"read {of}the specified {resource.Kind}", Id("read", suffix), "get", gvk.DeepClone().AsObject(), null,
                    Responses(schema, _objectMediaTypes, ("200", "OK")));
            }

            if (verbSet.Contains("patch"))
            {
                operations["patch"] = Operation($"partially update {of}the specified {resource.Kind}", Id("patch", suffix), "patch", gvk.DeepClone().AsObject(),
                    PatchBody(StrategicMerge), Responses(schema, _objectMediaTypes, ("200", "OK"), ("201", "Created")));
            }

            if (verbSet.Contains("update"))
            {
                operations["put"] = Operation($"replace {of}the specified {resource.Kind}", Id("replace", suffix), "put", gvk.DeepClone().AsObject(),
                    Body(schema), Responses(schema, _objectMediaTypes, ("200", "OK"), ("201", "Created")));
            }

            return operations;
        }

        /// <summary>Subresources such as pods' binding, eviction, exec and log, and namespaces' finalize.</summary>
        public JsonObject OtherSubresource(IDictionary<string, JsonObject> schemas, string subresource, IReadOnlyList<string> verbs)
        {
            var suffix = Capitalize(subresource);
            var operations = new JsonObject();
            switch (subresource)
            {
                case "binding" or "eviction":
                    {
                        var model = subresource == "binding" ? typeof(V1Binding) : typeof(V1Eviction);
                        var entity = (KubernetesEntityAttribute)Attribute.GetCustomAttribute(model, typeof(KubernetesEntityAttribute))!;
                        var schema = ModelSchemas.AddTo(schemas, model);
                        if (verbs.Contains("create"))
                        {
                            operations["post"] = Operation($"create {subresource} of a {resource.Kind}", Id("create", suffix), "post",
                                OpenApi.Gvk.Of(entity.Group, entity.ApiVersion, entity.Kind), Body(schema),
                                Responses(schema, _objectMediaTypes, ("200", "OK"), ("201", "Created"), ("202", "Accepted")));
                        }

                        break;
                    }

                case "exec" or "attach" or "portforward" or "proxy":
                    {
                        var options = $"{resource.Kind}{(subresource == "portforward" ? "PortForward" : suffix)}Options";
                        foreach (var (verb, method) in new[] { ("get", "get"), ("create", "post") })
                        {
                            if (verbs.Contains(verb))
                            {
                                operations[method] = Operation($"connect {method.ToUpperInvariant()} requests to {subresource} of {resource.Kind}",
                                    $"connect{groupVersion.OperationPart}{Capitalize(method)}{Scope}{resource.Kind}{suffix}", "connect",
                                    OpenApi.Gvk.Of(resource.Group, resource.Version, options), null, Responses(Text, ["*/*"], ("200", "OK")),
                                    OperationParameters.ForAction("connect", subresource));
                            }
                        }

                        break;
                    }

                case "log":
                    if (verbs.Contains("get"))
                    {
                        operations["get"] = Operation($"read log of the specified {resource.Kind}", Id("read", suffix), "get", Gvk, null,
                            Responses(Text, ["application/json", "application/yaml", "text/plain"], ("200", "OK")), OperationParameters.ForAction("get", "log"));
                    }

                    break;

                default:
                    operations = ItemOperations(verbs, subresource, kindSchema, Gvk);
                    if (verbs.Contains("create"))
                    {
                        operations["post"] = Operation($"create {subresource} of a {resource.Kind}", Id("create", suffix), "post", Gvk, Body(kindSchema),
                            Responses(kindSchema, _objectMediaTypes, ("200", "OK"), ("201", "Created"), ("202", "Accepted")));
                    }

                    break;
            }

            return operations;
        }

        public JsonObject Operation(string description, string operationId, string action, JsonObject gvk, JsonObject? requestBody, JsonObject responses,
            JsonArray? parameters = null)
        {
            parameters ??= OperationParameters.ForAction(action);
            var operation = new JsonObject
            {
                ["description"] = description,
                ["operationId"] = operationId,
            };
            if (parameters.Count > 0)
            {
                operation["parameters"] = parameters;
            }

            if (requestBody is not null)
            {
                operation["requestBody"] = requestBody;
            }

            operation["responses"] = responses;
            operation["tags"] = new JsonArray(groupVersion.Tag);
            operation["x-kubernetes-action"] = action;
            operation[OpenApi.Gvk.Extension] = gvk;
            return operation;
        }

        private string Id(string verb, string suffix) => $"{verb}{groupVersion.OperationPart}{Scope}{resource.Kind}{suffix}";

        private static string Capitalize(string word) =>
            word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
    }
}
