using System.Text;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace VmAddon.DevCluster.Nodes;

/// <summary>A container's environment as the kubelet builds it: envFrom, then env in order, with fieldRef, configMapKeyRef, secretKeyRef and $(VAR) expansion.</summary>
internal static partial class ContainerEnvironment
{
    public static async Task<Dictionary<string, string>> ResolveAsync(IKubernetes client, V1Pod pod, V1Container container, string? podIp, string hostIp, CancellationToken cancellationToken)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var env = ContainerProcess.BaseEnvironment(pod);
        foreach (var source in container.EnvFrom ?? [])
        {
            var values = source switch
            {
                { ConfigMapRef: { } c } => await ConfigMapAsync(client, ns, c.Name, c.Optional == true, cancellationToken).ConfigureAwait(false),
                { SecretRef: { } s } => await SecretAsync(client, ns, s.Name, s.Optional == true, cancellationToken).ConfigureAwait(false),
                _ => new Dictionary<string, string>(),
            };
            foreach (var (key, value) in values)
            {
                env[(source.Prefix ?? "") + key] = value;
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            env[variable.Name] = variable.ValueFrom switch
            {
                null => Expand(variable.Value ?? "", env),
                { FieldRef: { } field } => PodFields.Value(pod, field.FieldPath, podIp, hostIp)
                    ?? throw new PodStartException("CreateContainerConfigError", $"env {variable.Name}: unsupported fieldPath {field.FieldPath}"),
                { ConfigMapKeyRef: { } key } => Key(await ConfigMapAsync(client, ns, key.Name, key.Optional == true, cancellationToken).ConfigureAwait(false), key.Key, key.Optional == true, $"configmap {key.Name}"),
                { SecretKeyRef: { } key } => Key(await SecretAsync(client, ns, key.Name, key.Optional == true, cancellationToken).ConfigureAwait(false), key.Key, key.Optional == true, $"secret {key.Name}"),
                { ResourceFieldRef: { } resource } => ResourceField(container, resource.Resource),
                _ => "",
            };
        }

        return env;
    }

    private static string Key(IReadOnlyDictionary<string, string> values, string key, bool optional, string what) =>
        values.TryGetValue(key, out var value) ? value
        : optional ? ""
        : throw new PodStartException("CreateContainerConfigError", $"couldn't find key {key} in {what}");

    // limits.cpu and friends; without limits the kubelet gives the node's allocatable, which we leave empty.
    private static string ResourceField(V1Container container, string resource)
    {
        var parts = resource.Split('.');
        var map = parts[0] == "limits" ? container.Resources?.Limits : container.Resources?.Requests;
        return map is not null && parts.Length == 2 && map.TryGetValue(parts[1], out var quantity) ? quantity.ToString() : "";
    }

    // $(VAR) refers to an earlier variable; $$(VAR) escapes; unknown references stay as written.
    private static string Expand(string value, IReadOnlyDictionary<string, string> env) =>
        Reference().Replace(value, m => m.Value.StartsWith("$$", StringComparison.Ordinal) ? m.Value[1..] : env.TryGetValue(m.Groups[1].Value, out var found) ? found : m.Value);

    private static async Task<IReadOnlyDictionary<string, string>> ConfigMapAsync(IKubernetes client, string ns, string name, bool optional, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Data
                ?.ToDictionary(p => p.Key, p => p.Value) ?? [];
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return optional ? new Dictionary<string, string>() : throw new PodStartException("CreateContainerConfigError", $"configmap \"{name}\" not found");
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> SecretAsync(IKubernetes client, string ns, string name, bool optional, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false)).Data
                ?.ToDictionary(p => p.Key, p => Encoding.UTF8.GetString(p.Value)) ?? [];
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return optional ? new Dictionary<string, string>() : throw new PodStartException("CreateContainerConfigError", $"secret \"{name}\" not found");
        }
    }

    [GeneratedRegex(@"\$?\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")]
    private static partial Regex Reference();
}
