using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.CloudInit;
using VmAddon.Core.Launcher.Plan;
using VmAddon.Core.Launcher.Resources;

namespace VmAddon.Core.Launcher.Volumes;

/// <summary>
/// The launcher Pod's volumes: emptyDirs for libvirt's runtime, private state and disk overlays; a Kubernetes
/// image volume per containerDisk (and for a kernelBoot container); a projected volume per cloud-init seed.
/// </summary>
internal static class LauncherStorageRenderer
{
    /// <summary>The prefix of the annotations that carry inline cloud-init files into the Pod.</summary>
    public const string CloudInitAnnotationPrefix = "cloud-init.vmaddon.io/";

    private const string ContainerDiskPrefix = "container-disk";
    private const string CloudInitPrefix = "cloud-init";

    public static LauncherStorage Render(VirtualMachineInstance vmi)
    {
        var volumes = new List<V1Volume>
        {
            EmptyDir(LauncherLayout.LibvirtRuntimeVolume),
            EmptyDir(LauncherLayout.PrivateVolume),
            EmptyDir(LauncherLayout.EphemeralDisksVolume),
        };
        var mounts = new List<V1VolumeMount>
        {
            new() { Name = LauncherLayout.LibvirtRuntimeVolume, MountPath = LauncherLayout.LibvirtRuntimeDir },
            new() { Name = LauncherLayout.PrivateVolume, MountPath = LauncherLayout.PrivateDir },
            new() { Name = LauncherLayout.EphemeralDisksVolume, MountPath = LauncherLayout.EphemeralDisksDir },
        };
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        var pullSecrets = new List<string>();
        var containerDisks = new List<ContainerDiskOverlay>();
        var emptyDisks = new List<EmptyDiskImage>();
        var seeds = new List<CloudInitSeedImage>();

        var vmiVolumes = vmi.Spec.Volumes ?? [];
        for (var i = 0; i < vmiVolumes.Count; i++)
        {
            var volume = vmiVolumes[i];
            var path = $"spec.volumes[{i}]";
            if (volume.ContainerDisk is { } containerDisk)
            {
                var podVolume = LauncherLayout.PodVolumeName(ContainerDiskPrefix, volume.Name);
                var mountDir = LauncherLayout.ContainerDiskMountDir(volume.Name);
                volumes.Add(ImageVolume(podVolume, containerDisk.Image, containerDisk.ImagePullPolicy));
                mounts.Add(new V1VolumeMount { Name = podVolume, MountPath = mountDir, ReadOnlyProperty = true });
                AddPullSecret(pullSecrets, containerDisk.ImagePullSecret);
                // Without a path the disk is the only file under /disk, as in KubeVirt's containerDisk images;
                // the launcher resolves the directory, since only it can list the image's files.
                var backing = mountDir + (string.IsNullOrEmpty(containerDisk.Path) ? "/disk" : containerDisk.Path);
                containerDisks.Add(new ContainerDiskOverlay(LauncherLayout.ContainerDiskOverlayPath(volume.Name), backing));
            }
            else if (volume.EmptyDisk is { } emptyDisk)
            {
                var bytes = Quantities.Bytes(emptyDisk.Capacity, $"{path}.emptyDisk.capacity");
                emptyDisks.Add(new EmptyDiskImage(LauncherLayout.EmptyDiskPath(volume.Name), bytes));
            }
            else if (volume.CloudInitNoCloud is { } cloudInit)
            {
                var seed = CloudInitSeedRenderer.Render(vmi, cloudInit, $"{path}.cloudInitNoCloud");
                var podVolume = LauncherLayout.PodVolumeName(CloudInitPrefix, volume.Name);
                var sourceDir = LauncherLayout.CloudInitSourceDir(volume.Name);
                volumes.Add(CloudInitVolume(podVolume, volume.Name, cloudInit, seed, annotations));
                mounts.Add(new V1VolumeMount { Name = podVolume, MountPath = sourceDir, ReadOnlyProperty = true });
                seeds.Add(new CloudInitSeedImage(sourceDir, LauncherLayout.CloudInitIsoPath(volume.Name)));
            }
            else if (volume.PersistentVolumeClaim is not null)
            {
                throw new NotSupportedException($"{path}.persistentVolumeClaim: volume \"{volume.Name}\" is a PersistentVolumeClaim, which VmAddon does not support yet.");
            }
            else if (volume.HostDisk is not null)
            {
                throw new NotSupportedException($"{path}.hostDisk: volume \"{volume.Name}\" is a hostDisk, which VmAddon does not support yet.");
            }
            else
            {
                throw new NotSupportedException($"{path}: volume \"{volume.Name}\" sets no source VmAddon knows (containerDisk, emptyDisk or cloudInitNoCloud).");
            }
        }

        if (vmi.Spec.Domain.Firmware?.KernelBoot?.Container is { } kernel)
        {
            volumes.Add(ImageVolume(LauncherLayout.KernelBootVolume, kernel.Image, kernel.ImagePullPolicy));
            mounts.Add(new V1VolumeMount { Name = LauncherLayout.KernelBootVolume, MountPath = LauncherLayout.KernelBootDir, ReadOnlyProperty = true });
            AddPullSecret(pullSecrets, kernel.ImagePullSecret);
        }

        return new LauncherStorage(volumes, mounts, annotations, pullSecrets, containerDisks, emptyDisks, seeds);
    }

    /// <summary>The annotation that carries <paramref name="file"/> of cloud-init volume <paramref name="volume"/>; a valid key however long the name.</summary>
    public static string CloudInitAnnotation(string file, string volume) =>
        CloudInitAnnotationPrefix + LauncherLayout.PodVolumeName(file, volume);

    private static V1Volume EmptyDir(string name) => new() { Name = name, EmptyDir = new V1EmptyDirVolumeSource() };

    /// <summary>
    /// A Kubernetes image volume (KEP-4639): the kubelet pulls the image and mounts its filesystem read-only,
    /// so no init container copies the disk and the node's image cache is shared between VMs.
    /// </summary>
    private static V1Volume ImageVolume(string name, string image, string? pullPolicy) => new()
    {
        Name = name,
        Image = new V1ImageVolumeSource { Reference = image, PullPolicy = pullPolicy },
    };

    /// <summary>
    /// One projected volume per seed. Inline files come from Pod annotations through the downward API, so no
    /// ConfigMap has to be created and cleaned up; Secret data is projected straight from the Secret, so the
    /// controller never reads it. Each Secret key spelling KubeVirt accepts gets its own file, and the projection
    /// is optional because only one spelling exists: the launcher fails, naming the Secret, if neither does.
    /// </summary>
    private static V1Volume CloudInitVolume(string podVolume, string volume, CloudInitNoCloudSource source, NoCloudSeed seed, Dictionary<string, string> annotations)
    {
        var files = new List<V1DownwardAPIVolumeFile>
        {
            AnnotatedFile(LauncherLayout.CloudInitMetaDataFile, volume, seed.MetaData, annotations),
        };
        var sources = new List<V1VolumeProjection>();
        if (seed.UserData is { } userData)
        {
            files.Add(AnnotatedFile(LauncherLayout.CloudInitUserDataFile, volume, userData, annotations));
        }
        else if (source.SecretRef?.Name is { Length: > 0 } userSecret)
        {
            sources.Add(SecretFiles(userSecret, LauncherLayout.CloudInitUserDataSecretKeys));
        }

        if (seed.NetworkData is { } networkData)
        {
            files.Add(AnnotatedFile(LauncherLayout.CloudInitNetworkConfigFile, volume, networkData, annotations));
        }
        else if (source.NetworkDataSecretRef?.Name is { Length: > 0 } networkSecret)
        {
            sources.Add(SecretFiles(networkSecret, LauncherLayout.CloudInitNetworkDataSecretKeys));
        }

        sources.Insert(0, new V1VolumeProjection { DownwardAPI = new V1DownwardAPIProjection { Items = files } });
        return new V1Volume { Name = podVolume, Projected = new V1ProjectedVolumeSource { Sources = sources } };
    }

    private static V1DownwardAPIVolumeFile AnnotatedFile(string file, string volume, string content, Dictionary<string, string> annotations)
    {
        var key = CloudInitAnnotation(file, volume);
        annotations[key] = content;
        return new V1DownwardAPIVolumeFile
        {
            Path = file,
            FieldRef = new V1ObjectFieldSelector { FieldPath = $"metadata.annotations['{key}']" },
        };
    }

    private static V1VolumeProjection SecretFiles(string secret, IReadOnlyList<string> keys) => new()
    {
        Secret = new V1SecretProjection
        {
            Name = secret,
            Items = [.. keys.Select(k => new V1KeyToPath { Key = k, Path = k })],
            Optional = true,
        },
    };

    private static void AddPullSecret(List<string> pullSecrets, string? secret)
    {
        if (!string.IsNullOrEmpty(secret) && !pullSecrets.Contains(secret, StringComparer.Ordinal))
        {
            pullSecrets.Add(secret);
        }
    }
}
