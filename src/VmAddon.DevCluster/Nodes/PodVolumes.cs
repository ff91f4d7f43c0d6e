using System.Globalization;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;
using VmAddon.DevCluster.Nodes.Host;

namespace VmAddon.DevCluster.Nodes;

/// <summary>Makes a pod's volumes as host directories in the kubelet's layout; each container later bind-mounts them at its mountPaths.</summary>
internal sealed class PodVolumes(IKubernetes client, PodPaths paths, ImageMap images)
{
    /// <summary>Each volume's host directory (or file, for a hostPath file), by volume name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PrepareAsync(V1Pod pod, string? podIp, string? hostIp, long uid, long gid, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            result[volume.Name] = await PrepareAsync(pod, volume, podIp, hostIp, cancellationToken).ConfigureAwait(false);
            if (volume.HostPath is null && volume.Image is null)
            {
                await HostProcess.RunAsync("chown", "-R", $"{uid}:{pod.Spec.SecurityContext?.FsGroup ?? gid}", result[volume.Name]).ConfigureAwait(false);
            }
        }

        return result;
    }

    private async Task<string> PrepareAsync(V1Pod pod, V1Volume volume, string? podIp, string? hostIp, CancellationToken cancellationToken)
    {
        var uid = pod.Metadata.Uid;
        var ns = pod.Metadata.NamespaceProperty;
        if (volume.EmptyDir is not null)
        {
            // Like the kubelet's: world-writable, so every container of the pod can write whatever user it runs as.
            var directory = Directory.CreateDirectory(paths.Volume(uid, "empty-dir", volume.Name)).FullName;
            File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
            return directory;
        }

        if (volume.HostPath is { } hostPath)
        {
            var target = paths.HostPath(hostPath.Path);
            if (hostPath.Type is "File" or "FileOrCreate")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (!File.Exists(target))
                {
                    await File.WriteAllBytesAsync(target, [], cancellationToken).ConfigureAwait(false);
                }

                return target;
            }

            return Directory.CreateDirectory(target).FullName;
        }

        if (volume.ConfigMap is { } configMap)
        {
            var data = await ConfigMapAsync(ns, configMap.Name, configMap.Optional == true, cancellationToken).ConfigureAwait(false);
            return await WriteFilesAsync(paths.Volume(uid, "configmap", volume.Name), Select(data, configMap.Items), cancellationToken).ConfigureAwait(false);
        }

        if (volume.Secret is { } secret)
        {
            var data = await SecretAsync(ns, secret.SecretName, secret.Optional == true, cancellationToken).ConfigureAwait(false);
            return await WriteFilesAsync(paths.Volume(uid, "secret", volume.Name), Select(data, secret.Items), cancellationToken).ConfigureAwait(false);
        }

        if (volume.DownwardAPI is { } downward)
        {
            return await WriteFilesAsync(paths.Volume(uid, "downward-api", volume.Name), DownwardFiles(pod, downward.Items, podIp, hostIp), cancellationToken).ConfigureAwait(false);
        }

        if (volume.Projected is { } projected)
        {
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var source in projected.Sources ?? [])
            {
                var part = source switch
                {
                    { DownwardAPI: { } d } => DownwardFiles(pod, d.Items, podIp, hostIp),
                    { ConfigMap: { } c } => Select(await ConfigMapAsync(ns, c.Name, c.Optional == true, cancellationToken).ConfigureAwait(false), c.Items),
                    { Secret: { } s } => Select(await SecretAsync(ns, s.Name, s.Optional == true, cancellationToken).ConfigureAwait(false), s.Items),
                    _ => [],
                };
                foreach (var (key, value) in part)
                {
                    files[key] = value;
                }
            }

            return await WriteFilesAsync(paths.Volume(uid, "projected", volume.Name), files, cancellationToken).ConfigureAwait(false);
        }

        if (volume.Image is { } image)
        {
            // An image volume: a containerDisk image keeps its disk under disk/, as KubeVirt's containerDisks do.
            var target = images.Resolve(image.Reference);
            if (target is not { Kind: ImageKind.Disk, Path: { } disk })
            {
                throw new PodStartException("ErrImagePull", $"image volume {volume.Name}: no disk image for \"{image.Reference}\" in the cluster's image map");
            }

            var directory = Directory.CreateDirectory(Path.Combine(paths.Volume(uid, "image", volume.Name), "disk")).FullName;
            var link = Path.Combine(directory, Path.GetFileName(disk));
            if (!File.Exists(link))
            {
                File.CreateSymbolicLink(link, Path.GetFullPath(disk));
            }

            return Path.GetDirectoryName(directory)!;
        }

        throw new PodStartException("FailedMount", $"volume {volume.Name}: this dev node supports emptyDir, hostPath, configMap, secret, downwardAPI, projected and image volumes only");
    }

    private static Dictionary<string, byte[]> DownwardFiles(V1Pod pod, IList<V1DownwardAPIVolumeFile>? items, string? podIp, string? hostIp) =>
        (items ?? []).Where(i => i.FieldRef is not null).ToDictionary(
            i => i.Path,
            i => Encoding.UTF8.GetBytes(PodFields.Value(pod, i.FieldRef.FieldPath, podIp, hostIp) ?? ""),
            StringComparer.Ordinal);

    private static Dictionary<string, byte[]> Select(IReadOnlyDictionary<string, byte[]> data, IList<V1KeyToPath>? items) =>
        items is null || items.Count == 0
            ? data.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : items.Where(i => data.ContainsKey(i.Key)).ToDictionary(i => i.Path, i => data[i.Key], StringComparer.Ordinal);

    private async Task<IReadOnlyDictionary<string, byte[]>> ConfigMapAsync(string ns, string name, bool optional, CancellationToken cancellationToken)
    {
        try
        {
            var configMap = await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            var data = (configMap.Data ?? new Dictionary<string, string>()).ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal);
            foreach (var (key, value) in configMap.BinaryData ?? new Dictionary<string, byte[]>())
            {
                data[key] = value;
            }

            return data;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return optional ? new Dictionary<string, byte[]>() : throw new PodStartException("FailedMount", $"configmap \"{name}\" not found");
        }
    }

    private async Task<IReadOnlyDictionary<string, byte[]>> SecretAsync(string ns, string name, bool optional, CancellationToken cancellationToken)
    {
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (secret.Data ?? new Dictionary<string, byte[]>()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return optional ? new Dictionary<string, byte[]>() : throw new PodStartException("FailedMount", $"secret \"{name}\" not found");
        }
    }

    private static async Task<string> WriteFilesAsync(string directory, IReadOnlyDictionary<string, byte[]> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        foreach (var (relative, content) in files)
        {
            var path = Path.GetFullPath(Path.Combine(directory, relative));
            if (!path.StartsWith(directory, StringComparison.Ordinal))
            {
                throw new PodStartException("FailedMount", $"volume file {relative.ToString(CultureInfo.InvariantCulture)} escapes its volume");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
        }

        return directory;
    }
}
