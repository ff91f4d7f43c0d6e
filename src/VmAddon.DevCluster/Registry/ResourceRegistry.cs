using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Storage;
using VmAddon.DevCluster.Watch;
using VmAddon.Patching;

namespace VmAddon.DevCluster.Registry;

/// <summary>
/// The API server's verbs over the store, with kube-apiserver's semantics: admission of each write, status and scale
/// subresources, patches, and deletion with grace periods and propagation policies. It knows nothing of HTTP.
/// </summary>
public sealed class ResourceRegistry(ObjectStore store, TimeProvider time)
{
    private const int PatchAttempts = 5;

    public ObjectStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public async Task<JsonObject> GetAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken) =>
        Present(resource, await Guard(resource, name, () => Store.GetAsync(resource.StorageType, ns, name, cancellationToken)).ConfigureAwait(false));

    public async Task<ObjectList> ListAsync(ApiResource resource, ListOptions options, CancellationToken cancellationToken)
    {
        var list = await Guard(resource, "", () => Store.ListAsync(resource.StorageType, options with { FieldSelector = resource.Conversion?.ToStoredFieldSelector(options.FieldSelector) ?? options.FieldSelector }, cancellationToken)).ConfigureAwait(false);
        return list with { Items = [.. list.Items.Select(o => Present(resource, o))] };
    }

    public Task<WatchSubscription> WatchAsync(ApiResource resource, WatchOptions options, CancellationToken cancellationToken) =>
        Guard(resource, "", () => Store.WatchAsync(resource.StorageType, options with { FieldSelector = resource.Conversion?.ToStoredFieldSelector(options.FieldSelector) ?? options.FieldSelector }, cancellationToken));

    /// <summary>The object as a client of this version sees it (custom resources convert with strategy None: only apiVersion changes).</summary>
    public static JsonObject Present(ApiResource resource, JsonObject obj)
    {
        obj = resource.Conversion?.ToServed(obj) ?? obj;
        obj["apiVersion"] = resource.ApiVersion;
        return obj;
    }

    private static JsonObject ToStored(ApiResource resource, JsonObject obj) => resource.Conversion?.ToStored(obj) ?? obj;

    public async Task<WriteResult> CreateAsync(ApiResource resource, string? ns, JsonObject body, WriteOptions options, CancellationToken cancellationToken)
    {
        var admitted = ObjectAdmission.Admit(resource, ns, null, body, null, null, options);
        if (resource.Namespaced)
        {
            await EnsureNamespaceAcceptsAsync(resource, ns!, ObjectAdmission.NameOf(admitted.Object), cancellationToken).ConfigureAwait(false);
        }

        if (options.DryRun)
        {
            return admitted;
        }

        var created = await Guard(resource, ObjectAdmission.NameOf(admitted.Object), () => Store.CreateAsync(resource.StorageType, ToStored(resource, admitted.Object), cancellationToken)).ConfigureAwait(false);
        return admitted with { Object = Present(resource, created) };
    }

    /// <summary>Replaces the object, or its status when <paramref name="subresource"/> is "status".</summary>
    public async Task<WriteResult> UpdateAsync(
        ApiResource resource, string? ns, string name, JsonObject body, string? subresource, WriteOptions options, CancellationToken cancellationToken)
    {
        var old = await Guard(resource, name, () => Store.GetAsync(resource.StorageType, ns, name, cancellationToken)).ConfigureAwait(false);
        return await WriteAsync(resource, ns, name, body, Present(resource, old), subresource, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Applies a patch to the stored object (or its status or scale view) and writes the result, retrying when a concurrent write intervenes.</summary>
    public async Task<WriteResult> PatchAsync(
        ApiResource resource, string? ns, string name, string contentType, string patch, string? subresource, WriteOptions options, CancellationToken cancellationToken)
    {
        if (PatchMediaTypes.RejectionFor(contentType, isCustomResource: resource.ModelType is null) is { } rejection)
        {
            throw ApiException.UnsupportedMediaType(rejection);
        }

        if (contentType.StartsWith(PatchMediaTypes.ApplyPatch, StringComparison.Ordinal))
        {
            throw ApiException.UnsupportedMediaType(
                "server-side apply (application/apply-patch+yaml) is not implemented by the dev API server; use client-side apply (kubectl apply without --server-side)");
        }

        for (var attempt = 1; ; attempt++)
        {
            var old = await Guard(resource, name, () => Store.GetAsync(resource.StorageType, ns, name, cancellationToken)).ConfigureAwait(false);
            var view = subresource == "scale" ? ScaleView.ToScale(resource, old) : Present(resource, old.DeepClone().AsObject());
            var patched = PatchDocument.Apply(view, contentType, patch, resource);
            var pinned = patched["metadata"]?["resourceVersion"] is not null && !JsonNode.DeepEquals(patched["metadata"]?["resourceVersion"], view["metadata"]?["resourceVersion"]);
            if (!pinned)
            {
                patched["metadata"] ??= new JsonObject();
                patched["metadata"]!["resourceVersion"] = old["metadata"]!["resourceVersion"]!.DeepClone();
            }

            try
            {
                return subresource == "scale"
                    ? await WriteScaleAsync(resource, ns, name, patched, old, options, cancellationToken).ConfigureAwait(false)
                    : await WriteAsync(resource, ns, name, patched, Present(resource, old.DeepClone().AsObject()), subresource, options, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException e) when (e.Reason == "Conflict" && !pinned && attempt < PatchAttempts)
            {
                // kube-apiserver re-applies a patch to the newer object when it did not pin a resourceVersion.
            }
        }
    }

    public async Task<JsonObject> GetScaleAsync(ApiResource resource, string? ns, string name, CancellationToken cancellationToken) =>
        ScaleView.ToScale(resource, await Guard(resource, name, () => Store.GetAsync(resource.StorageType, ns, name, cancellationToken)).ConfigureAwait(false));

    public async Task<WriteResult> UpdateScaleAsync(ApiResource resource, string? ns, string name, JsonObject scale, WriteOptions options, CancellationToken cancellationToken)
    {
        var old = await Guard(resource, name, () => Store.GetAsync(resource.StorageType, ns, name, cancellationToken)).ConfigureAwait(false);
        return await WriteScaleAsync(resource, ns, name, scale, old, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes an object as kube-apiserver does. Removed says whether it is gone, or only marked (finalizers, grace period).</summary>
    public async Task<DeleteResult> DeleteAsync(ApiResource resource, string? ns, string name, DeleteOptions options, CancellationToken cancellationToken)
    {
        var stored = await Guard(resource, name, () => Store.GetAsync(resource.StorageType, ns, name, cancellationToken)).ConfigureAwait(false);
        var request = new DeleteRequest(
            new DeletePreconditions(options.PreconditionUid, options.PreconditionResourceVersion),
            GracePeriodFor(resource, stored, options.GracePeriodSeconds),
            options.Propagation switch
            {
                PropagationPolicy.Orphan => Finalizers.Orphan,
                PropagationPolicy.Foreground => Finalizers.ForegroundDeletion,
                _ => null,
            });
        if (options.DryRun)
        {
            return new DeleteResult(Present(resource, stored), Removed: false);
        }

        var result = await Guard(resource, name, () => Store.DeleteAsync(resource.StorageType, ns, name, request, cancellationToken)).ConfigureAwait(false);
        return result with { Object = Present(resource, result.Object) };
    }

    /// <summary>Binds a pending pod to a node (the pods/binding subresource the scheduler uses).</summary>
    public async Task BindAsync(ApiResource pods, string ns, string name, JsonObject binding, CancellationToken cancellationToken)
    {
        var node = binding["target"]?["name"]?.GetValue<string>() ?? "";
        if (node.Length == 0)
        {
            throw ApiException.Invalid(pods, name, [new Api.Validation.FieldError("target.name", "Required value")]);
        }

        var pod = await Guard(pods, name, () => Store.GetAsync(pods.Type, ns, name, cancellationToken)).ConfigureAwait(false);
        if (pod["spec"]?["nodeName"]?.GetValue<string>() is { Length: > 0 } bound)
        {
            throw new ApiException(409, "Conflict", $"Operation cannot be fulfilled on pods/binding \"{name}\": pod {name} is already assigned to node \"{bound}\"",
                new JsonObject { ["name"] = name, ["kind"] = "pods/binding" });
        }

        if (ObjectMetadata.IsDeleting(pod))
        {
            throw new ApiException(409, "Conflict", $"Operation cannot be fulfilled on pods/binding \"{name}\": pod {name} is being deleted, cannot be assigned to a host",
                new JsonObject { ["name"] = name, ["kind"] = "pods/binding" });
        }

        pod["spec"]!["nodeName"] = node;
        var status = pod["status"] as JsonObject ?? new JsonObject();
        pod["status"] = status;
        StatusConditions.Set(status, "PodScheduled", "True", null, null, Time.GetUtcNow(), withProbeTime: true);
        await Guard(pods, name, () => Store.UpdateAsync(pods.Type, pod, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The namespaces/finalize subresource: replaces spec.finalizers alone; a deleting namespace left without finalizers goes.</summary>
    public async Task<JsonObject> FinalizeNamespaceAsync(ApiResource namespaces, string name, JsonObject body, CancellationToken cancellationToken)
    {
        var ns = await Guard(namespaces, name, () => Store.GetAsync(namespaces.Type, null, name, cancellationToken)).ConfigureAwait(false);
        ns["spec"] = new JsonObject { ["finalizers"] = body["spec"]?["finalizers"]?.DeepClone() ?? new JsonArray() };
        if (body["metadata"]?["resourceVersion"]?.GetValue<string>() is { Length: > 0 } resourceVersion)
        {
            ns["metadata"]!["resourceVersion"] = resourceVersion;
        }

        return Present(namespaces, await Guard(namespaces, name, () => Store.UpdateAsync(namespaces.Type, ns, cancellationToken)).ConfigureAwait(false));
    }

    private async Task<WriteResult> WriteAsync(
        ApiResource resource, string? ns, string name, JsonObject body, JsonObject old, string? subresource, WriteOptions options, CancellationToken cancellationToken)
    {
        if (subresource is not (null or "status"))
        {
            throw ApiException.NotFoundPath();
        }

        var admitted = ObjectAdmission.Admit(resource, ns, name, body, old, subresource, options);
        if (options.DryRun)
        {
            return admitted;
        }

        var updated = await Guard(resource, name, () => Store.UpdateAsync(resource.StorageType, ToStored(resource, admitted.Object), cancellationToken)).ConfigureAwait(false);
        return admitted with { Object = Present(resource, updated) };
    }

    private async Task<WriteResult> WriteScaleAsync(
        ApiResource resource, string? ns, string name, JsonObject scale, JsonObject old, WriteOptions options, CancellationToken cancellationToken)
    {
        var updated = ScaleView.Apply(resource, old, scale);
        var result = await WriteAsync(resource, ns, name, updated, old, null, options, cancellationToken).ConfigureAwait(false);
        return result with { Object = ScaleView.ToScale(resource, result.Object) };
    }

    private static long? GracePeriodFor(ApiResource resource, JsonObject stored, long? asked)
    {
        // Only a pod on a node is deleted gracefully: its node confirms the stop by deleting it again with grace 0.
        if (resource.Group.Length > 0 || resource.Plural != "pods" || stored["spec"]?["nodeName"]?.GetValue<string>() is not { Length: > 0 })
        {
            return 0;
        }

        if (stored["status"]?["phase"]?.GetValue<string>() is "Succeeded" or "Failed")
        {
            return 0;
        }

        return asked ?? stored["spec"]?["terminationGracePeriodSeconds"]?.GetValue<long>() ?? 30;
    }

    private async Task EnsureNamespaceAcceptsAsync(ApiResource resource, string ns, string name, CancellationToken cancellationToken)
    {
        JsonObject namespaceObject;
        try
        {
            namespaceObject = await Store.GetAsync(BuiltInResources.Namespaces.Type, null, ns, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreException e) when (e.Reason == StoreErrorReason.NotFound)
        {
            throw ApiException.NamespaceNotFound(ns);
        }

        if (ObjectMetadata.IsDeleting(namespaceObject))
        {
            throw ApiException.Forbidden(resource, name, $"unable to create new content in namespace {ns} because it is being terminated");
        }
    }

    private static async Task<T> Guard<T>(ApiResource resource, string name, Func<Task<T>> operation)
    {
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            throw ApiException.From(e, resource, name);
        }
        catch (PatchException e)
        {
            throw new ApiException(e.StatusCode, e.StatusCode == 422 ? "Invalid" : e.StatusCode == 413 ? "RequestEntityTooLarge" : "BadRequest", e.Message);
        }
    }

    /// <summary>The finalizers kube-apiserver's deletion and garbage collector use.</summary>
    public static class Finalizers
    {
        public const string Orphan = "orphan";
        public const string ForegroundDeletion = "foregroundDeletion";
    }

    private static class PatchDocument
    {
        public static JsonObject Apply(JsonObject view, string contentType, string patch, ApiResource resource)
        {
            var mediaType = contentType.Split(';')[0].Trim();
            JsonNode? parsed;
            try
            {
                parsed = JsonNode.Parse(patch);
            }
            catch (System.Text.Json.JsonException e)
            {
                throw ApiException.BadRequest($"error decoding patch: {e.Message}");
            }

            try
            {
                var result = mediaType switch
                {
                    PatchMediaTypes.JsonPatch => JsonPatch.Apply(view, parsed as JsonArray ?? throw ApiException.BadRequest("json patch must be a JSON array of operations")),
                    PatchMediaTypes.MergePatch => JsonMergePatch.Apply(view, parsed),
                    _ => StrategicMergePatch.Apply(view, parsed ?? new JsonObject(), BuiltInStrategicSchema.For(resource.Kind)),
                };
                return result as JsonObject ?? throw ApiException.BadRequest("the patch did not produce an object");
            }
            catch (PatchException e)
            {
                throw new ApiException(e.StatusCode, e.StatusCode == 422 ? "Invalid" : "BadRequest", e.Message);
            }
        }
    }
}
