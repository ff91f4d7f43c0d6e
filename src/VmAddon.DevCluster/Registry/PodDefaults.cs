using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Registry;

/// <summary>The defaults kube-apiserver gives a new Pod (API defaulting, the DefaultTolerationSeconds admission plugin, and the initial status).</summary>
internal static class PodDefaults
{
    public static void Apply(JsonObject pod)
    {
        var spec = pod["spec"] as JsonObject ?? new JsonObject();
        pod["spec"] = spec;
        SetIfMissing(spec, "restartPolicy", "Always");
        SetIfMissing(spec, "terminationGracePeriodSeconds", 30L);
        SetIfMissing(spec, "dnsPolicy", "ClusterFirst");
        SetIfMissing(spec, "schedulerName", "default-scheduler");
        SetIfMissing(spec, "securityContext", new JsonObject());
        SetIfMissing(spec, "enableServiceLinks", true);
        SetIfMissing(spec, "priority", 0L);
        SetIfMissing(spec, "preemptionPolicy", "PreemptLowerPriority");
        if (spec["serviceAccountName"] is null)
        {
            spec["serviceAccountName"] = "default";
            spec["serviceAccount"] = "default";
        }

        foreach (var list in (string[])["initContainers", "containers"])
        {
            foreach (var container in (spec[list] as JsonArray ?? []).OfType<JsonObject>())
            {
                DefaultContainer(container);
            }
        }

        AddDefaultTolerations(spec);
        pod["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = QosClass(spec) };
    }

    private static void DefaultContainer(JsonObject container)
    {
        SetIfMissing(container, "terminationMessagePath", "/dev/termination-log");
        SetIfMissing(container, "terminationMessagePolicy", "File");
        var image = container["image"]?.GetValue<string>() ?? "";
        var tag = image.Contains('@') ? "digest" : image.LastIndexOf(':') > image.LastIndexOf('/') ? image[(image.LastIndexOf(':') + 1)..] : "latest";
        SetIfMissing(container, "imagePullPolicy", tag == "latest" ? "Always" : "IfNotPresent");
        SetIfMissing(container, "resources", new JsonObject());
        foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            SetIfMissing(port, "protocol", "TCP");
        }
    }

    // DefaultTolerationSeconds: 300 s for not-ready and unreachable nodes, unless the pod says otherwise.
    private static void AddDefaultTolerations(JsonObject spec)
    {
        var tolerations = spec["tolerations"] as JsonArray ?? [];
        spec["tolerations"] = tolerations;
        foreach (var key in (string[])["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"])
        {
            if (!tolerations.OfType<JsonObject>().Any(t => t["key"]?.GetValue<string>() == key))
            {
                tolerations.Add(new JsonObject { ["key"] = key, ["operator"] = "Exists", ["effect"] = "NoExecute", ["tolerationSeconds"] = 300L });
            }
        }
    }

    private static string QosClass(JsonObject spec)
    {
        var containers = (spec["containers"] as JsonArray ?? []).Concat(spec["initContainers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var anySet = false;
        var allGuaranteed = containers.Count > 0;
        foreach (var container in containers)
        {
            var requests = container["resources"]?["requests"] as JsonObject;
            var limits = container["resources"]?["limits"] as JsonObject;
            anySet |= requests is { Count: > 0 } || limits is { Count: > 0 };
            foreach (var resource in (string[])["cpu", "memory"])
            {
                var limit = limits?[resource]?.ToString();
                var request = requests?[resource]?.ToString() ?? limit;
                allGuaranteed &= limit is not null && request == limit;
            }
        }

        return !anySet ? "BestEffort" : allGuaranteed ? "Guaranteed" : "Burstable";
    }

    private static void SetIfMissing(JsonObject obj, string field, JsonNode value)
    {
        if (obj[field] is null)
        {
            obj[field] = value;
        }
    }
}
