using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Registry;

/// <summary>Service defaults and allocations: type, cluster IP from 10.96.0.0/16, node ports from 30000-32767, port protocols and target ports.</summary>
internal static class ServiceDefaults
{
    private static int _nextClusterIp = 10;
    private static int _nextNodePort = 30000;

    public static void Apply(JsonObject service)
    {
        var spec = service["spec"] as JsonObject ?? new JsonObject();
        service["spec"] = spec;
        var type = spec["type"]?.GetValue<string>() ?? "ClusterIP";
        spec["type"] = type;
        spec["sessionAffinity"] ??= "None";
        if (type != "ExternalName")
        {
            if (spec["clusterIP"]?.GetValue<string>() is null or "")
            {
                var n = Interlocked.Increment(ref _nextClusterIp);
                spec["clusterIP"] = $"10.96.{n / 250}.{(n % 250) + 1}";
            }

            spec["clusterIPs"] ??= new JsonArray(spec["clusterIP"]!.GetValue<string>());
            spec["ipFamilies"] ??= new JsonArray("IPv4");
            spec["ipFamilyPolicy"] ??= "SingleStack";
            spec["internalTrafficPolicy"] ??= "Cluster";
        }

        foreach (var port in (spec["ports"] as JsonArray ?? []).OfType<JsonObject>())
        {
            port["protocol"] ??= "TCP";
            port["targetPort"] ??= port["port"]?.DeepClone();
            if (type is "NodePort" or "LoadBalancer" && port["nodePort"] is null)
            {
                port["nodePort"] = (long)(30000 + ((Interlocked.Increment(ref _nextNodePort) - 30000) % 2768));
            }
        }

        if (type is "NodePort" or "LoadBalancer")
        {
            spec["externalTrafficPolicy"] ??= "Cluster";
        }

        service["status"] = new JsonObject { ["loadBalancer"] = new JsonObject() };
    }

    /// <summary>An update keeps the allocated cluster IP and node ports unless it sets them.</summary>
    public static void KeepAllocations(JsonObject old, JsonObject service)
    {
        if (service["spec"] is not JsonObject spec || old["spec"] is not JsonObject oldSpec)
        {
            return;
        }

        foreach (var field in (string[])["clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy"])
        {
            if (spec[field] is null && oldSpec[field] is { } kept)
            {
                spec[field] = kept.DeepClone();
            }
        }

        Apply(service);
        service["status"] = old["status"]?.DeepClone();
    }
}
