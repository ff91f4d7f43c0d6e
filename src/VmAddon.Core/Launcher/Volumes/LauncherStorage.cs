using k8s.Models;
using VmAddon.Core.Launcher.Plan;

namespace VmAddon.Core.Launcher.Volumes;

/// <summary>Everything the VMI's storage adds to the launcher Pod, and what the launcher must prepare from it.</summary>
internal sealed record LauncherStorage(
    IReadOnlyList<V1Volume> Volumes,
    IReadOnlyList<V1VolumeMount> Mounts,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyList<string> ImagePullSecrets,
    IReadOnlyList<ContainerDiskOverlay> ContainerDisks,
    IReadOnlyList<EmptyDiskImage> EmptyDisks,
    IReadOnlyList<CloudInitSeedImage> CloudInitSeeds);
