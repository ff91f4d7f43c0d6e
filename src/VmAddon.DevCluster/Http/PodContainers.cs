using System.Text.Json.Nodes;
using VmAddon.DevCluster.Registry;

namespace VmAddon.DevCluster.Http;

/// <summary>The container a log or exec request means, checked as kube-apiserver's validateContainer does.</summary>
internal static class PodContainers
{
    /// <summary>The named container (init, regular or ephemeral), or the only one when none is named; 400 with kube's messages otherwise.</summary>
    public static string Resolve(JsonObject pod, string? container)
    {
        var name = pod["metadata"]?["name"]?.GetValue<string>() ?? "";
        var spec = pod["spec"];
        var regular = Names(spec?["containers"]);
        // podutil.VisitContainers' order: init containers, containers, ephemeral containers.
        var all = Names(spec?["initContainers"]).Concat(regular).Concat(Names(spec?["ephemeralContainers"])).ToList();
        if (string.IsNullOrEmpty(container))
        {
            return regular.Count switch
            {
                1 => regular[0],
                0 => throw ApiException.BadRequest($"a container name must be specified for pod {name}"),
                _ => throw ApiException.BadRequest($"a container name must be specified for pod {name}, choose one of: [{string.Join(' ', all)}]"),
            };
        }

        return all.Contains(container) ? container : throw ApiException.BadRequest($"container {container} is not valid for pod {name}");
    }

    private static List<string> Names(JsonNode? containers) =>
        (containers as JsonArray ?? []).Select(c => c?["name"]?.GetValue<string>()).OfType<string>().ToList();
}
