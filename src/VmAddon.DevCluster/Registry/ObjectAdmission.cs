using System.Text.Json.Nodes;
using VmAddon.Api.Validation;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Registry;

/// <summary>
/// What kube-apiserver does to a request's object before storing it, as pure functions: type and object metadata checks,
/// the CRD schema (validation, unknown fields, pruning), and each built-in type's create and update rules.
/// </summary>
public static class ObjectAdmission
{
    /// <summary>Checks and prepares an object for create (<paramref name="old"/> null) or update of the main resource or its status.</summary>
    /// <param name="resource">The resource the request names.</param>
    /// <param name="ns">The namespace in the URL.</param>
    /// <param name="name">The name in the URL (null on create).</param>
    /// <param name="body">The request's object; not modified.</param>
    /// <param name="old">The stored object on update.</param>
    /// <param name="subresource">Null, or "status".</param>
    /// <param name="options">Field validation.</param>
    public static WriteResult Admit(ApiResource resource, string? ns, string? name, JsonObject body, JsonObject? old, string? subresource, WriteOptions options)
    {
        var obj = body.DeepClone().AsObject();
        CheckTypeMeta(resource, obj);
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        obj["metadata"] = metadata;
        PlaceInUrl(resource, ns, name, metadata);

        var warnings = new List<string>();
        if (resource.Validator is { } validator)
        {
            obj = CheckSchema(resource, validator, obj, options, warnings);
        }
        else if (resource.ModelType is { } model)
        {
            HandleUnknownFields(resource, BuiltInFields.PruneUnknown(model, obj), options, warnings);
        }

        if (old is null)
        {
            CheckName(resource, obj);
            BuiltInRules.PrepareForCreate(resource, obj);
        }
        else if (subresource == "status")
        {
            obj = WithStatusOnly(old, obj);
        }
        else
        {
            if (resource.HasStatus)
            {
                CopyStatus(old, obj);
            }

            BuiltInRules.PrepareForUpdate(resource, old, obj);
        }

        var errors = BuiltInRules.Validate(resource, obj, old);
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(resource, NameOf(obj), errors);
        }

        return new WriteResult(obj, warnings);
    }

    /// <summary>The name of an object, or its generateName, as kube-apiserver names it in errors.</summary>
    public static string NameOf(JsonObject obj) =>
        obj["metadata"]?["name"]?.GetValue<string>() is { Length: > 0 } name ? name : obj["metadata"]?["generateName"]?.GetValue<string>() ?? "";

    private static void CheckTypeMeta(ApiResource resource, JsonObject obj)
    {
        var apiVersion = obj["apiVersion"]?.GetValue<string>() ?? "";
        var kind = obj["kind"]?.GetValue<string>() ?? "";
        if (apiVersion.Length > 0 && apiVersion != resource.ApiVersion)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})");
        }

        if (kind.Length > 0 && kind != resource.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})");
        }

        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
    }

    private static void PlaceInUrl(ApiResource resource, string? ns, string? name, JsonObject metadata)
    {
        var bodyName = metadata["name"]?.GetValue<string>() ?? "";
        if (name is not null)
        {
            if (bodyName.Length > 0 && bodyName != name)
            {
                throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
            }

            metadata["name"] = name;
        }

        if (!resource.Namespaced)
        {
            metadata.Remove("namespace");
            return;
        }

        var bodyNamespace = metadata["namespace"]?.GetValue<string>() ?? "";
        if (bodyNamespace.Length > 0 && bodyNamespace != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        metadata["namespace"] = ns;
    }

    private static void CheckName(ApiResource resource, JsonObject obj)
    {
        var metadata = obj["metadata"]!.AsObject();
        var name = metadata["name"]?.GetValue<string>() ?? "";
        var generateName = metadata["generateName"]?.GetValue<string>() ?? "";
        if (name.Length == 0 && generateName.Length == 0)
        {
            throw ApiException.Invalid(resource, "", [new FieldError("metadata.name", "Required value: name or generateName is required")]);
        }

        // A generated name adds 5 characters to the prefix, which must itself be a valid start of a name.
        var checkedName = name.Length > 0 ? name : generateName + "abcde";
        var errors = NameRules.Check(resource.Plural, resource.Group, checkedName);
        if (errors.Count > 0)
        {
            var field = name.Length > 0 ? errors : [.. errors.Select(e => new FieldError("metadata.generateName", e.Message.Replace(checkedName, generateName, StringComparison.Ordinal)))];
            throw ApiException.Invalid(resource, NameOf(obj), field);
        }
    }

    private static JsonObject CheckSchema(ApiResource resource, Api.Schema.StructuralValidator validator, JsonObject obj, WriteOptions options, List<string> warnings)
    {
        var result = validator.Validate(obj);
        if (result.Errors.Count > 0)
        {
            throw ApiException.Invalid(resource, NameOf(obj), result.Errors);
        }

        HandleUnknownFields(resource, [.. result.UnknownFields.Select(e => e.Path)], options, warnings);
        var pruned = validator.Prune(obj).Pruned!.AsObject();
        Api.Schema.StructuralDefaulter.Apply(pruned, validator.Schema);
        return pruned;
    }

    // Unknown fields are dropped in any case; Strict rejects the request, Warn tells the client, Ignore says nothing.
    private static void HandleUnknownFields(ApiResource resource, IReadOnlyList<string> unknown, WriteOptions options, List<string> warnings)
    {
        if (unknown.Count > 0 && options.FieldValidation == FieldValidation.Strict)
        {
            // kube-apiserver's wording for an object that fails strict decoding.
            throw ApiException.BadRequest($"{resource.Kind} in version \"{resource.Version}\" cannot be handled as a {resource.Kind}: strict decoding error: "
                + string.Join(", ", unknown.Select(f => $"unknown field \"{f}\"")));
        }

        if (options.FieldValidation == FieldValidation.Warn)
        {
            warnings.AddRange(unknown.Select(f => $"unknown field \"{f}\""));
        }
    }

    private static void CopyStatus(JsonObject old, JsonObject obj)
    {
        obj.Remove("status");
        if (old["status"] is { } status)
        {
            obj["status"] = status.DeepClone();
        }
    }

    // The status subresource changes status alone; the resourceVersion still guards the write.
    private static JsonObject WithStatusOnly(JsonObject old, JsonObject obj)
    {
        var result = old.DeepClone().AsObject();
        result.Remove("status");
        if (obj["status"] is { } status)
        {
            result["status"] = status.DeepClone();
        }

        var resourceVersion = obj["metadata"]?["resourceVersion"]?.GetValue<string>();
        var metadata = result["metadata"]!.AsObject();
        metadata.Remove("resourceVersion");
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return result;
    }
}
