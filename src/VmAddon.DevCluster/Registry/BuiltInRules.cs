using System.Text.Json.Nodes;
using VmAddon.Api.Validation;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Registry;

/// <summary>The create and update rules of the built-in types that our components and kubectl rely on (kube's registry strategies and defaulting).</summary>
internal static class BuiltInRules
{
    private const string PodUpdateForbidden =
        "Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
        + "`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

    public static void PrepareForCreate(ApiResource resource, JsonObject obj)
    {
        if (resource.HasStatus && resource.Group.Length > 0)
        {
            // Custom resources and CRDs with a status subresource start without status; controllers write it.
            obj.Remove("status");
        }

        switch (Key(resource))
        {
            case "/pods":
                PodDefaults.Apply(obj);
                break;
            case "/namespaces":
                var ns = obj["metadata"]!["name"]?.GetValue<string>() ?? "";
                Labels(obj)["kubernetes.io/metadata.name"] = ns;
                obj["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
                obj["status"] = new JsonObject { ["phase"] = "Active" };
                break;
            case "/services":
                ServiceDefaults.Apply(obj);
                break;
            case "/secrets":
                PrepareSecret(obj);
                break;
            default:
                break;
        }
    }

    // kube-apiserver folds stringData into data (base64) and never stores stringData; a secret without type is Opaque.
    private static void PrepareSecret(JsonObject secret)
    {
        secret["type"] ??= "Opaque";
        if (secret["stringData"] is not JsonObject strings)
        {
            return;
        }

        var data = secret["data"] as JsonObject ?? new JsonObject();
        secret["data"] = data;
        foreach (var (key, value) in strings)
        {
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value?.GetValue<string>() ?? ""));
        }

        secret.Remove("stringData");
    }

    public static void PrepareForUpdate(ApiResource resource, JsonObject old, JsonObject obj)
    {
        switch (Key(resource))
        {
            case "/namespaces":
                Labels(obj)["kubernetes.io/metadata.name"] = obj["metadata"]!["name"]!.GetValue<string>();
                obj["spec"] = old["spec"]?.DeepClone();
                break;
            case "/services":
                ServiceDefaults.KeepAllocations(old, obj);
                break;
            case "/secrets":
                PrepareSecret(obj);
                break;
            default:
                break;
        }
    }

    public static IReadOnlyList<FieldError> Validate(ApiResource resource, JsonObject obj, JsonObject? old) => Key(resource) switch
    {
        "/pods" => ValidatePod(obj, old),
        "apiextensions.k8s.io/customresourcedefinitions" => CrdValidation.Check(obj, old),
        _ => [],
    };

    private static IReadOnlyList<FieldError> ValidatePod(JsonObject pod, JsonObject? old)
    {
        var errors = new List<FieldError>();
        if (pod["spec"]?["containers"] is not JsonArray { Count: > 0 })
        {
            errors.Add(new FieldError("spec.containers", "Required value"));
        }

        if (old is not null && !JsonNode.DeepEquals(MutablePodSpecRemoved(old), MutablePodSpecRemoved(pod)))
        {
            errors.Add(new FieldError("spec", PodUpdateForbidden));
        }

        return errors;
    }

    private static JsonNode? MutablePodSpecRemoved(JsonObject pod)
    {
        if (pod["spec"]?.DeepClone() is not JsonObject spec)
        {
            return null;
        }

        foreach (var list in (string[])["containers", "initContainers"])
        {
            foreach (var container in spec[list] as JsonArray ?? [])
            {
                container?.AsObject().Remove("image");
            }
        }

        spec.Remove("activeDeadlineSeconds");
        spec.Remove("tolerations");
        spec.Remove("terminationGracePeriodSeconds");
        return spec;
    }

    private static JsonObject Labels(JsonObject obj)
    {
        var metadata = obj["metadata"]!.AsObject();
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = new JsonObject();
            metadata["labels"] = labels;
        }

        return labels;
    }

    private static string Key(ApiResource resource) => $"{resource.Group}/{resource.Plural}";
}
