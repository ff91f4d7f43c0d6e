using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher.Plan;
using VmAddon.Core.Launcher.Resources;
using VmAddon.Core.Launcher.Security;
using VmAddon.Core.Launcher.Volumes;
using VmAddon.Core.Ownership;

namespace VmAddon.Core.Launcher;

/// <summary>Renders the launcher Pod of a VirtualMachineInstance. Pure: the same VMI and options always give the same Pod.</summary>
public static class LauncherPodRenderer
{
    /// <summary>The launcher program in the launcher image.</summary>
    public const string LauncherCommand = "vmaddon-launcher";

    /// <summary>Makes kubectl logs and exec pick the compute container without -c.</summary>
    public const string DefaultContainerAnnotation = "kubectl.kubernetes.io/default-container";

    /// <summary>The Pod for <paramref name="vmi"/>, ready to create (the API server completes generateName).</summary>
    /// <exception cref="NotSupportedException">The VMI has a volume kind VmAddon does not support; the message names its field.</exception>
    /// <exception cref="ArgumentException">The VMI lacks its name, uid or guest memory, or holds a malformed value; the message names the field.</exception>
    public static V1Pod Render(VirtualMachineInstance vmi, LauncherPodOptions options)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(options);
        var optionErrors = options.Validate();
        if (optionErrors.Count > 0)
        {
            throw new ArgumentException($"Invalid launcher options: {string.Join(" ", optionErrors)}", nameof(options));
        }

        var ownerReference = ControllerReference.To(vmi);
        var name = ownerReference.Name;
        var ns = vmi.Metadata.NamespaceProperty ?? "";
        var grace = vmi.Spec.TerminationGracePeriodSeconds ?? ApiDefaults.TerminationGracePeriodSeconds;
        var storage = LauncherStorageRenderer.Render(vmi);
        var plan = new LauncherPlan(ns, name, ownerReference.Uid, grace)
        {
            Hypervisor = options.Hypervisor,
            ContainerDisks = storage.ContainerDisks,
            EmptyDisks = storage.EmptyDisks,
            CloudInitSeeds = storage.CloudInitSeeds,
        };

        var annotations = new Dictionary<string, string>(storage.Annotations, StringComparer.Ordinal)
        {
            [DefaultContainerAnnotation] = LauncherLayout.ComputeContainerName,
        };

        return new V1Pod
        {
            ApiVersion = V1Pod.KubeApiVersion,
            Kind = V1Pod.KubeKind,
            Metadata = new V1ObjectMeta
            {
                // KubeVirt's naming: kubectl get pods shows which VMI a launcher belongs to, and the suffix lets a
                // new launcher start while an old one of the same VMI is still terminating.
                GenerateName = $"virt-launcher-{name}-",
                NamespaceProperty = vmi.Metadata.NamespaceProperty,
                Labels = Labels(vmi, ownerReference.Uid),
                Annotations = annotations,
                OwnerReferences = [ownerReference],
            },
            Spec = new V1PodSpec
            {
                Containers = [Compute(vmi, options, plan, storage.Mounts), GuestConsoleLog(options)],
                Volumes = [.. storage.Volumes],
                ImagePullSecrets = storage.ImagePullSecrets.Count == 0
                    ? null
                    : [.. storage.ImagePullSecrets.Select(s => new V1LocalObjectReference { Name = s })],
                SecurityContext = LauncherSecurityRenderer.Pod(vmi),
                // The launcher never talks to the API server; the agent does that for it.
                AutomountServiceAccountToken = false,
                Hostname = Hostname(vmi),
                NodeSelector = NodeSelector(vmi, options),
                Affinity = Clone(vmi.Spec.Affinity),
                Tolerations = Clone(vmi.Spec.Tolerations),
                TerminationGracePeriodSeconds = grace + options.GracePeriodPaddingSeconds,
                // A VMI is one incarnation: when its launcher exits, the VM controller decides what comes next.
                RestartPolicy = "Never",
            },
        };
    }

    private static V1Container Compute(VirtualMachineInstance vmi, LauncherPodOptions options, LauncherPlan plan, IReadOnlyList<V1VolumeMount> mounts) => new()
    {
        Name = LauncherLayout.ComputeContainerName,
        Image = options.EffectiveImage,
        ImagePullPolicy = options.ImagePullPolicy,
        Command = [LauncherCommand],
        Args = [.. plan.ToArguments()],
        Env =
        [
            // libvirt in session mode keeps its socket, config and cache under these (DESIGN §8).
            new V1EnvVar { Name = "XDG_RUNTIME_DIR", Value = LauncherLayout.LibvirtRuntimeDir },
            new V1EnvVar { Name = "XDG_CONFIG_HOME", Value = LauncherLayout.XdgConfigHome },
            new V1EnvVar { Name = "XDG_CACHE_HOME", Value = LauncherLayout.XdgCacheHome },
            FieldEnv("POD_NAME", "metadata.name"),
            FieldEnv("POD_NAMESPACE", "metadata.namespace"),
            FieldEnv("NODE_NAME", "spec.nodeName"),
        ],
        Resources = ComputeResourcesRenderer.Render(vmi, options),
        VolumeMounts = [.. mounts],
        SecurityContext = LauncherSecurityRenderer.Container(),
    };

    /// <summary>The sidecar that makes the guest's serial output the logs of its own container, with KubeVirt's small footprint.</summary>
    private static V1Container GuestConsoleLog(LauncherPodOptions options) => new()
    {
        Name = LauncherLayout.GuestConsoleLogContainerName,
        Image = options.EffectiveImage,
        ImagePullPolicy = options.ImagePullPolicy,
        Command = [LauncherCommand, LauncherLayout.GuestConsoleLogCommand],
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("5m"), ["memory"] = new("35M") },
            Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("15m"), ["memory"] = new("60M") },
        },
        VolumeMounts = [new V1VolumeMount { Name = LauncherLayout.PrivateVolume, MountPath = LauncherLayout.PrivateDir, ReadOnlyProperty = true }],
        SecurityContext = LauncherSecurityRenderer.Container(),
    };

    private static V1EnvVar FieldEnv(string name, string fieldPath) => new()
    {
        Name = name,
        ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = fieldPath } },
    };

    /// <summary>The VMI's labels, then ours: a VMI label cannot spoof which VMI a Pod belongs to.</summary>
    private static Dictionary<string, string> Labels(VirtualMachineInstance vmi, string uid)
    {
        var labels = vmi.Metadata.Labels is { } own
            ? new Dictionary<string, string>(own, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        labels[LauncherPodLabels.Component] = LauncherPodLabels.LauncherComponent;
        labels[LauncherPodLabels.VmiName] = vmi.Metadata.Name;
        labels[LauncherPodLabels.CreatedBy] = uid;
        return labels;
    }

    private static Dictionary<string, string>? NodeSelector(VirtualMachineInstance vmi, LauncherPodOptions options)
    {
        var selector = vmi.Spec.NodeSelector is { } own
            ? new Dictionary<string, string>(own, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(options.SchedulableNodeLabel))
        {
            selector[options.SchedulableNodeLabel] = "true";
        }

        return selector.Count == 0 ? null : selector;
    }

    /// <summary>The Pod's hostname is the guest's, as in KubeVirt, when it is a valid DNS label; else Kubernetes picks.</summary>
    private static string? Hostname(VirtualMachineInstance vmi)
    {
        var hostname = string.IsNullOrEmpty(vmi.Spec.Hostname) ? vmi.Metadata.Name : vmi.Spec.Hostname;
        return hostname.Length <= 63 && Regex.IsMatch(hostname, NamePatterns.Dns1123Label)
            ? hostname
            : null;
    }

    /// <summary>A deep copy, so that changing the Pod never changes the VMI it came from.</summary>
    private static T? Clone<T>(T? value)
        where T : class =>
        value is null ? null : KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(value));
}
