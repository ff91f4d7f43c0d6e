using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Registry;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Http;

/// <summary>Serves one resource request: maps the HTTP method, path and query to the registry's verb and writes kube-apiserver's answer.</summary>
internal sealed class ResourceEndpoint(ResourceCatalog catalog, ResourceRegistry registry, WatchStreamer watches, ITableRenderer tables)
{
    private readonly PodStreamProxy _podStreams = new(catalog, registry);

    public async Task HandleAsync(HttpContext context, RequestTarget target)
    {
        var resource = catalog.Find(target.Group, target.Version, target.Resource) ?? throw ApiException.NotFoundPath();
        if (target.Namespace is not null && !resource.Namespaced)
        {
            throw ApiException.NotFoundPath();
        }

        var query = new RequestQuery(context.Request.Query);
        var ns = resource.Namespaced ? target.Namespace : null;
        var ct = context.RequestAborted;
        var method = context.Request.Method;
        var sub = target.Subresource;
        if (sub is not null && !resource.SubresourceNames.Contains(sub))
        {
            throw ApiException.NotFoundPath();
        }

        if (target.Name is null)
        {
            await HandleCollectionAsync(context, resource, ns, query, method, target.LegacyWatch).ConfigureAwait(false);
            return;
        }

        var name = target.Name;
        switch (method, sub)
        {
            case ("GET", null) when target.LegacyWatch:
                await watches.StreamAsync(context, resource, query.Watch(ns) with { FieldSelector = NameSelector(name, query["fieldSelector"]) },
                    query.Long("timeoutSeconds")).ConfigureAwait(false);
                break;
            case ("GET", null or "status"):
                await RespondAsync(context, 200, resource, await registry.GetAsync(resource, ns, name, ct).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case ("GET", "scale"):
                await JsonResponses.WriteAsync(context, 200, await registry.GetScaleAsync(resource, ns, name, ct).ConfigureAwait(false)).ConfigureAwait(false);
                break;
            case ("PUT", null or "status"):
                var updated = await registry.UpdateAsync(resource, ns, name, await Body(context), sub, query.Write(), ct).ConfigureAwait(false);
                await RespondAsync(context, 200, resource, updated.Object, updated.Warnings).ConfigureAwait(false);
                break;
            case ("PUT", "scale"):
                var scaled = await registry.UpdateScaleAsync(resource, ns, name, await Body(context), query.Write(), ct).ConfigureAwait(false);
                await JsonResponses.WriteAsync(context, 200, scaled.Object, scaled.Warnings).ConfigureAwait(false);
                break;
            case ("PATCH", null or "status" or "scale"):
                var patched = await registry.PatchAsync(resource, ns, name, context.Request.ContentType ?? "",
                    await JsonResponses.ReadTextAsync(context.Request).ConfigureAwait(false), sub, query.Write(), ct).ConfigureAwait(false);
                await (sub == "scale"
                    ? JsonResponses.WriteAsync(context, 200, patched.Object, patched.Warnings)
                    : RespondAsync(context, 200, resource, patched.Object, patched.Warnings)).ConfigureAwait(false);
                break;
            case ("DELETE", null):
                var deleteBody = await JsonResponses.ReadObjectAsync(context.Request, required: false).ConfigureAwait(false);
                var deleted = await registry.DeleteAsync(resource, ns, name, query.Delete(deleteBody), ct).ConfigureAwait(false);
                await JsonResponses.WriteAsync(context, 200, deleted.Removed && !resource.ReturnsDeletedObject ? JsonResponses.Success(deleted.Object, resource.Group, resource.Plural) : deleted.Object)
                    .ConfigureAwait(false);
                break;
            case ("PUT", "finalize"):
                var finalized = await registry.FinalizeNamespaceAsync(resource, name, await Body(context), ct).ConfigureAwait(false);
                await RespondAsync(context, 200, resource, finalized).ConfigureAwait(false);
                break;
            case ("POST", "binding"):
                await registry.BindAsync(resource, ns!, name, await Body(context), ct).ConfigureAwait(false);
                await JsonResponses.WriteAsync(context, 201, SuccessStatus(201)).ConfigureAwait(false);
                break;
            case ("POST", "eviction"):
                var eviction = await Body(context);
                await registry.DeleteAsync(resource, ns, name, query.Delete(eviction["deleteOptions"] as JsonObject), ct).ConfigureAwait(false);
                await JsonResponses.WriteAsync(context, 201, SuccessStatus(201)).ConfigureAwait(false);
                break;
            case ("GET", "log"):
                await _podStreams.LogAsync(context, resource, ns!, name).ConfigureAwait(false);
                break;
            case ("GET" or "POST", "exec"):
                await _podStreams.ExecAsync(context, resource, ns!, name).ConfigureAwait(false);
                break;
            default:
                throw ApiException.MethodNotAllowed(resource);
        }
    }

    private async Task HandleCollectionAsync(HttpContext context, ApiResource resource, string? ns, RequestQuery query, string method, bool legacyWatch)
    {
        var ct = context.RequestAborted;
        switch (method)
        {
            case "GET" when legacyWatch || query.Flag("watch"):
                await watches.StreamAsync(context, resource, query.Watch(ns), query.Long("timeoutSeconds")).ConfigureAwait(false);
                break;
            case "GET":
                var list = await registry.ListAsync(resource, query.List(ns), ct).ConfigureAwait(false);
                if (tables.Wants(context.Request))
                {
                    await JsonResponses.WriteAsync(context, 200, tables.Render(context.Request, resource, list.Items, list.ResourceVersion, list.Continue)).ConfigureAwait(false);
                    break;
                }

                await JsonResponses.WriteAsync(context, 200, ListDocument(resource, list)).ConfigureAwait(false);
                break;
            case "POST":
                var created = await registry.CreateAsync(resource, ns, await Body(context), query.Write(), ct).ConfigureAwait(false);
                await RespondAsync(context, 201, resource, created.Object, created.Warnings).ConfigureAwait(false);
                break;
            case "DELETE" when resource.Verbs.Contains("deletecollection"):
                var options = query.Delete(await JsonResponses.ReadObjectAsync(context.Request, required: false).ConfigureAwait(false));
                var matching = await registry.ListAsync(resource, query.List(ns) with { Limit = null, Continue = null }, ct).ConfigureAwait(false);
                var deleted = new List<JsonObject>();
                foreach (var item in matching.Items)
                {
                    try
                    {
                        var itemNs = item["metadata"]?["namespace"]?.GetValue<string>();
                        deleted.Add((await registry.DeleteAsync(resource, itemNs, item["metadata"]!["name"]!.GetValue<string>(), options, ct).ConfigureAwait(false)).Object);
                    }
                    catch (ApiException e) when (e.Code == 404)
                    {
                        // Gone meanwhile: nothing left to delete.
                    }
                }

                await JsonResponses.WriteAsync(context, 200, ListDocument(resource, matching with { Items = deleted, Continue = null })).ConfigureAwait(false);
                break;
            default:
                throw ApiException.MethodNotAllowed(resource);
        }
    }

    private async Task RespondAsync(HttpContext context, int code, ApiResource resource, JsonObject obj, IEnumerable<string>? warnings = null)
    {
        var body = tables.Wants(context.Request)
            ? tables.Render(context.Request, resource, [obj], obj["metadata"]?["resourceVersion"]?.GetValue<string>() ?? "", null)
            : obj;
        await JsonResponses.WriteAsync(context, code, body, warnings).ConfigureAwait(false);
    }

    private static JsonObject ListDocument(ApiResource resource, ObjectList list)
    {
        var metadata = new JsonObject { ["resourceVersion"] = list.ResourceVersion };
        if (list.Continue is not null)
        {
            metadata["continue"] = list.Continue;
        }

        return new JsonObject
        {
            ["kind"] = resource.ListKind,
            ["apiVersion"] = resource.ApiVersion,
            ["metadata"] = metadata,
            ["items"] = new JsonArray([.. list.Items]),
        };
    }

    private static JsonObject SuccessStatus(int code) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Success",
        ["code"] = code,
    };

    private static string NameSelector(string name, string? fieldSelector) =>
        string.IsNullOrEmpty(fieldSelector) ? $"metadata.name={name}" : $"metadata.name={name},{fieldSelector}";

    private static async Task<JsonObject> Body(HttpContext context) =>
        (await JsonResponses.ReadObjectAsync(context.Request, required: true).ConfigureAwait(false))!;
}
