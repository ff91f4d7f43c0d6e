using static VmAddon.DevCluster.Protobuf.Schemas.Fields;

namespace VmAddon.DevCluster.Protobuf.Schemas;

/// <summary>core/v1 Pod and everything a pod template holds: containers, volumes, probes, security and scheduling.</summary>
internal static class CoreV1Pods
{
    public static readonly MessageSchema KeyToPath = new(
        "core.v1.KeyToPath",
        StrAlways(1, "key"),
        StrAlways(2, "path"),
        Int32Ptr(3, "mode"));

    public static readonly MessageSchema ObjectFieldSelector = new(
        "core.v1.ObjectFieldSelector",
        Str(1, "apiVersion"),
        StrAlways(2, "fieldPath"));

    public static readonly MessageSchema ResourceFieldSelector = new(
        "core.v1.ResourceFieldSelector",
        Str(1, "containerName"),
        StrAlways(2, "resource"),
        Quantity(3, "divisor"));

    public static readonly MessageSchema ConfigMapKeySelector = new(
        "core.v1.ConfigMapKeySelector",
        Inline(1, CoreV1.LocalObjectReference),
        StrAlways(2, "key"),
        BoolPtr(3, "optional"));

    public static readonly MessageSchema SecretKeySelector = new(
        "core.v1.SecretKeySelector",
        Inline(1, CoreV1.LocalObjectReference),
        StrAlways(2, "key"),
        BoolPtr(3, "optional"));

    public static readonly MessageSchema EnvVarSource = new(
        "core.v1.EnvVarSource",
        Ptr(1, "fieldRef", ObjectFieldSelector),
        Ptr(2, "resourceFieldRef", ResourceFieldSelector),
        Ptr(3, "configMapKeyRef", ConfigMapKeySelector),
        Ptr(4, "secretKeyRef", SecretKeySelector));

    public static readonly MessageSchema EnvVar = new(
        "core.v1.EnvVar",
        StrAlways(1, "name"),
        Str(2, "value"),
        Ptr(3, "valueFrom", EnvVarSource));

    public static readonly MessageSchema ConfigMapEnvSource = new(
        "core.v1.ConfigMapEnvSource",
        Inline(1, CoreV1.LocalObjectReference),
        BoolPtr(2, "optional"));

    public static readonly MessageSchema SecretEnvSource = new(
        "core.v1.SecretEnvSource",
        Inline(1, CoreV1.LocalObjectReference),
        BoolPtr(2, "optional"));

    public static readonly MessageSchema EnvFromSource = new(
        "core.v1.EnvFromSource",
        Str(1, "prefix"),
        Ptr(2, "configMapRef", ConfigMapEnvSource),
        Ptr(3, "secretRef", SecretEnvSource));

    public static readonly MessageSchema ContainerPort = new(
        "core.v1.ContainerPort",
        Str(1, "name"),
        Int32(2, "hostPort"),
        Int32Always(3, "containerPort"),
        Str(4, "protocol"),
        Str(5, "hostIP"));

    public static readonly MessageSchema ResourceClaim = new(
        "core.v1.ResourceClaim",
        StrAlways(1, "name"),
        Str(2, "request"));

    public static readonly MessageSchema ResourceRequirements = new(
        "core.v1.ResourceRequirements",
        QuantityMap(1, "limits"),
        QuantityMap(2, "requests"),
        List(3, "claims", ResourceClaim));

    public static readonly MessageSchema ContainerResizePolicy = new(
        "core.v1.ContainerResizePolicy",
        StrAlways(1, "resourceName"),
        StrAlways(2, "restartPolicy"));

    public static readonly MessageSchema VolumeMount = new(
        "core.v1.VolumeMount",
        StrAlways(1, "name"),
        Bool(2, "readOnly"),
        StrPtr(7, "recursiveReadOnly"),
        StrAlways(3, "mountPath"),
        Str(4, "subPath"),
        StrPtr(5, "mountPropagation"),
        Str(6, "subPathExpr"));

    public static readonly MessageSchema VolumeDevice = new(
        "core.v1.VolumeDevice",
        StrAlways(1, "name"),
        StrAlways(2, "devicePath"));

    public static readonly MessageSchema ExecAction = new(
        "core.v1.ExecAction",
        Strings(1, "command"));

    public static readonly MessageSchema HttpHeader = new(
        "core.v1.HTTPHeader",
        StrAlways(1, "name"),
        StrAlways(2, "value"));

    public static readonly MessageSchema HttpGetAction = new(
        "core.v1.HTTPGetAction",
        Str(1, "path"),
        IntOrString(2, "port"),
        Str(3, "host"),
        Str(4, "scheme"),
        List(5, "httpHeaders", HttpHeader));

    public static readonly MessageSchema TcpSocketAction = new(
        "core.v1.TCPSocketAction",
        IntOrString(1, "port"),
        Str(2, "host"));

    public static readonly MessageSchema GrpcAction = new(
        "core.v1.GRPCAction",
        Int32Always(1, "port"),
        StrNullable(2, "service"));

    public static readonly MessageSchema SleepAction = new(
        "core.v1.SleepAction",
        Int64Always(1, "seconds"));

    public static readonly MessageSchema ProbeHandler = new(
        "core.v1.ProbeHandler",
        Ptr(1, "exec", ExecAction),
        Ptr(2, "httpGet", HttpGetAction),
        Ptr(3, "tcpSocket", TcpSocketAction),
        Ptr(4, "grpc", GrpcAction));

    public static readonly MessageSchema Probe = new(
        "core.v1.Probe",
        Inline(1, ProbeHandler),
        Int32(2, "initialDelaySeconds"),
        Int32(3, "timeoutSeconds"),
        Int32(4, "periodSeconds"),
        Int32(5, "successThreshold"),
        Int32(6, "failureThreshold"),
        Int64Ptr(7, "terminationGracePeriodSeconds"));

    public static readonly MessageSchema LifecycleHandler = new(
        "core.v1.LifecycleHandler",
        Ptr(1, "exec", ExecAction),
        Ptr(2, "httpGet", HttpGetAction),
        Ptr(3, "tcpSocket", TcpSocketAction),
        Ptr(4, "sleep", SleepAction));

    public static readonly MessageSchema Lifecycle = new(
        "core.v1.Lifecycle",
        Ptr(1, "postStart", LifecycleHandler),
        Ptr(2, "preStop", LifecycleHandler),
        StrPtr(3, "stopSignal"));

    public static readonly MessageSchema Capabilities = new(
        "core.v1.Capabilities",
        Strings(1, "add"),
        Strings(2, "drop"));

    public static readonly MessageSchema SeLinuxOptions = new(
        "core.v1.SELinuxOptions",
        Str(1, "user"),
        Str(2, "role"),
        Str(3, "type"),
        Str(4, "level"));

    public static readonly MessageSchema WindowsSecurityContextOptions = new(
        "core.v1.WindowsSecurityContextOptions",
        StrPtr(1, "gmsaCredentialSpecName"),
        StrPtr(2, "gmsaCredentialSpec"),
        StrPtr(3, "runAsUserName"),
        BoolPtr(4, "hostProcess"));

    public static readonly MessageSchema SeccompProfile = new(
        "core.v1.SeccompProfile",
        StrAlways(1, "type"),
        StrPtr(2, "localhostProfile"));

    public static readonly MessageSchema AppArmorProfile = new(
        "core.v1.AppArmorProfile",
        StrAlways(1, "type"),
        StrPtr(2, "localhostProfile"));

    public static readonly MessageSchema SecurityContext = new(
        "core.v1.SecurityContext",
        Ptr(1, "capabilities", Capabilities),
        BoolPtr(2, "privileged"),
        Ptr(3, "seLinuxOptions", SeLinuxOptions),
        Ptr(10, "windowsOptions", WindowsSecurityContextOptions),
        Int64Ptr(4, "runAsUser"),
        Int64Ptr(8, "runAsGroup"),
        BoolPtr(5, "runAsNonRoot"),
        BoolPtr(6, "readOnlyRootFilesystem"),
        BoolPtr(7, "allowPrivilegeEscalation"),
        StrPtr(9, "procMount"),
        Ptr(11, "seccompProfile", SeccompProfile),
        Ptr(12, "appArmorProfile", AppArmorProfile));

    public static readonly MessageSchema Container = new(
        "core.v1.Container",
        StrAlways(1, "name"),
        Str(2, "image"),
        Strings(3, "command"),
        Strings(4, "args"),
        Str(5, "workingDir"),
        List(6, "ports", ContainerPort),
        List(19, "envFrom", EnvFromSource),
        List(7, "env", EnvVar),
        Struct(8, "resources", ResourceRequirements),
        List(23, "resizePolicy", ContainerResizePolicy),
        StrPtr(24, "restartPolicy"),
        List(9, "volumeMounts", VolumeMount),
        List(21, "volumeDevices", VolumeDevice),
        Ptr(10, "livenessProbe", Probe),
        Ptr(11, "readinessProbe", Probe),
        Ptr(22, "startupProbe", Probe),
        Ptr(12, "lifecycle", Lifecycle),
        Str(13, "terminationMessagePath"),
        Str(20, "terminationMessagePolicy"),
        Str(14, "imagePullPolicy"),
        Ptr(15, "securityContext", SecurityContext),
        Bool(16, "stdin"),
        Bool(17, "stdinOnce"),
        Bool(18, "tty"));

    public static readonly MessageSchema HostPathVolumeSource = new(
        "core.v1.HostPathVolumeSource",
        StrAlways(1, "path"),
        StrPtr(2, "type"));

    public static readonly MessageSchema EmptyDirVolumeSource = new(
        "core.v1.EmptyDirVolumeSource",
        Str(1, "medium"),
        QuantityPtr(2, "sizeLimit"));

    public static readonly MessageSchema SecretVolumeSource = new(
        "core.v1.SecretVolumeSource",
        Str(1, "secretName"),
        List(2, "items", KeyToPath),
        Int32Ptr(3, "defaultMode"),
        BoolPtr(4, "optional"));

    public static readonly MessageSchema NfsVolumeSource = new(
        "core.v1.NFSVolumeSource",
        StrAlways(1, "server"),
        StrAlways(2, "path"),
        Bool(3, "readOnly"));

    public static readonly MessageSchema PersistentVolumeClaimVolumeSource = new(
        "core.v1.PersistentVolumeClaimVolumeSource",
        StrAlways(1, "claimName"),
        Bool(2, "readOnly"));

    public static readonly MessageSchema DownwardApiVolumeFile = new(
        "core.v1.DownwardAPIVolumeFile",
        StrAlways(1, "path"),
        Ptr(2, "fieldRef", ObjectFieldSelector),
        Ptr(3, "resourceFieldRef", ResourceFieldSelector),
        Int32Ptr(4, "mode"));

    public static readonly MessageSchema DownwardApiVolumeSource = new(
        "core.v1.DownwardAPIVolumeSource",
        List(1, "items", DownwardApiVolumeFile),
        Int32Ptr(2, "defaultMode"));

    public static readonly MessageSchema ConfigMapVolumeSource = new(
        "core.v1.ConfigMapVolumeSource",
        Inline(1, CoreV1.LocalObjectReference),
        List(2, "items", KeyToPath),
        Int32Ptr(3, "defaultMode"),
        BoolPtr(4, "optional"));

    public static readonly MessageSchema SecretProjection = new(
        "core.v1.SecretProjection",
        Inline(1, CoreV1.LocalObjectReference),
        List(2, "items", KeyToPath),
        BoolPtr(4, "optional"));

    public static readonly MessageSchema ConfigMapProjection = new(
        "core.v1.ConfigMapProjection",
        Inline(1, CoreV1.LocalObjectReference),
        List(2, "items", KeyToPath),
        BoolPtr(4, "optional"));

    public static readonly MessageSchema DownwardApiProjection = new(
        "core.v1.DownwardAPIProjection",
        List(1, "items", DownwardApiVolumeFile));

    public static readonly MessageSchema ServiceAccountTokenProjection = new(
        "core.v1.ServiceAccountTokenProjection",
        Str(1, "audience"),
        Int64Ptr(2, "expirationSeconds"),
        StrAlways(3, "path"));

    public static readonly MessageSchema VolumeProjection = new(
        "core.v1.VolumeProjection",
        Ptr(1, "secret", SecretProjection),
        Ptr(2, "downwardAPI", DownwardApiProjection),
        Ptr(3, "configMap", ConfigMapProjection),
        Ptr(4, "serviceAccountToken", ServiceAccountTokenProjection));

    public static readonly MessageSchema ProjectedVolumeSource = new(
        "core.v1.ProjectedVolumeSource",
        ListAlways(1, "sources", VolumeProjection),
        Int32Ptr(2, "defaultMode"));

    public static readonly MessageSchema CsiVolumeSource = new(
        "core.v1.CSIVolumeSource",
        StrAlways(1, "driver"),
        BoolPtr(2, "readOnly"),
        StrPtr(3, "fsType"),
        StringMap(4, "volumeAttributes"),
        Ptr(5, "nodePublishSecretRef", CoreV1.LocalObjectReference));

    public static readonly MessageSchema ImageVolumeSource = new(
        "core.v1.ImageVolumeSource",
        Str(1, "reference"),
        Str(2, "pullPolicy"));

    public static readonly MessageSchema VolumeSource = new(
        "core.v1.VolumeSource",
        Ptr(1, "hostPath", HostPathVolumeSource),
        Ptr(2, "emptyDir", EmptyDirVolumeSource),
        Ptr(6, "secret", SecretVolumeSource),
        Ptr(7, "nfs", NfsVolumeSource),
        Ptr(10, "persistentVolumeClaim", PersistentVolumeClaimVolumeSource),
        Ptr(16, "downwardAPI", DownwardApiVolumeSource),
        Ptr(19, "configMap", ConfigMapVolumeSource),
        Ptr(26, "projected", ProjectedVolumeSource),
        Ptr(28, "csi", CsiVolumeSource),
        Ptr(30, "image", ImageVolumeSource));

    public static readonly MessageSchema Volume = new(
        "core.v1.Volume",
        StrAlways(1, "name"),
        Inline(2, VolumeSource));

    public static readonly MessageSchema Toleration = new(
        "core.v1.Toleration",
        Str(1, "key"),
        Str(2, "operator"),
        Str(3, "value"),
        Str(4, "effect"),
        Int64Ptr(5, "tolerationSeconds"));

    public static readonly MessageSchema Sysctl = new(
        "core.v1.Sysctl",
        StrAlways(1, "name"),
        StrAlways(2, "value"));

    public static readonly MessageSchema PodSecurityContext = new(
        "core.v1.PodSecurityContext",
        Ptr(1, "seLinuxOptions", SeLinuxOptions),
        Ptr(8, "windowsOptions", WindowsSecurityContextOptions),
        Int64Ptr(2, "runAsUser"),
        Int64Ptr(6, "runAsGroup"),
        BoolPtr(3, "runAsNonRoot"),
        Int64s(4, "supplementalGroups"),
        StrPtr(12, "supplementalGroupsPolicy"),
        Int64Ptr(5, "fsGroup"),
        List(7, "sysctls", Sysctl),
        StrPtr(9, "fsGroupChangePolicy"),
        Ptr(10, "seccompProfile", SeccompProfile),
        Ptr(11, "appArmorProfile", AppArmorProfile),
        StrPtr(13, "seLinuxChangePolicy"));

    public static readonly MessageSchema NodeSelectorRequirement = new(
        "core.v1.NodeSelectorRequirement",
        StrAlways(1, "key"),
        StrAlways(2, "operator"),
        Strings(3, "values"));

    public static readonly MessageSchema NodeSelectorTerm = new(
        "core.v1.NodeSelectorTerm",
        List(1, "matchExpressions", NodeSelectorRequirement),
        List(2, "matchFields", NodeSelectorRequirement));

    public static readonly MessageSchema NodeSelector = new(
        "core.v1.NodeSelector",
        ListAlways(1, "nodeSelectorTerms", NodeSelectorTerm));

    public static readonly MessageSchema PreferredSchedulingTerm = new(
        "core.v1.PreferredSchedulingTerm",
        Int32Always(1, "weight"),
        Struct(2, "preference", NodeSelectorTerm));

    public static readonly MessageSchema NodeAffinity = new(
        "core.v1.NodeAffinity",
        Ptr(1, "requiredDuringSchedulingIgnoredDuringExecution", NodeSelector),
        List(2, "preferredDuringSchedulingIgnoredDuringExecution", PreferredSchedulingTerm));

    public static readonly MessageSchema PodAffinityTerm = new(
        "core.v1.PodAffinityTerm",
        Ptr(1, "labelSelector", MetaV1.LabelSelector),
        Strings(2, "namespaces"),
        StrAlways(3, "topologyKey"),
        Ptr(4, "namespaceSelector", MetaV1.LabelSelector),
        Strings(5, "matchLabelKeys"),
        Strings(6, "mismatchLabelKeys"));

    public static readonly MessageSchema WeightedPodAffinityTerm = new(
        "core.v1.WeightedPodAffinityTerm",
        Int32Always(1, "weight"),
        Struct(2, "podAffinityTerm", PodAffinityTerm));

    public static readonly MessageSchema PodAffinity = new(
        "core.v1.PodAffinity",
        List(1, "requiredDuringSchedulingIgnoredDuringExecution", PodAffinityTerm),
        List(2, "preferredDuringSchedulingIgnoredDuringExecution", WeightedPodAffinityTerm));

    public static readonly MessageSchema PodAntiAffinity = new(
        "core.v1.PodAntiAffinity",
        List(1, "requiredDuringSchedulingIgnoredDuringExecution", PodAffinityTerm),
        List(2, "preferredDuringSchedulingIgnoredDuringExecution", WeightedPodAffinityTerm));

    public static readonly MessageSchema Affinity = new(
        "core.v1.Affinity",
        Ptr(1, "nodeAffinity", NodeAffinity),
        Ptr(2, "podAffinity", PodAffinity),
        Ptr(3, "podAntiAffinity", PodAntiAffinity));

    public static readonly MessageSchema HostAlias = new(
        "core.v1.HostAlias",
        StrAlways(1, "ip"),
        Strings(2, "hostnames"));

    public static readonly MessageSchema PodDnsConfigOption = new(
        "core.v1.PodDNSConfigOption",
        Str(1, "name"),
        StrPtr(2, "value"));

    public static readonly MessageSchema PodDnsConfig = new(
        "core.v1.PodDNSConfig",
        Strings(1, "nameservers"),
        Strings(2, "searches"),
        List(3, "options", PodDnsConfigOption));

    public static readonly MessageSchema PodReadinessGate = new(
        "core.v1.PodReadinessGate",
        StrAlways(1, "conditionType"));

    public static readonly MessageSchema TopologySpreadConstraint = new(
        "core.v1.TopologySpreadConstraint",
        Int32Always(1, "maxSkew"),
        StrAlways(2, "topologyKey"),
        StrAlways(3, "whenUnsatisfiable"),
        Ptr(4, "labelSelector", MetaV1.LabelSelector),
        Int32Ptr(5, "minDomains"),
        StrPtr(6, "nodeAffinityPolicy"),
        StrPtr(7, "nodeTaintsPolicy"),
        Strings(8, "matchLabelKeys"));

    public static readonly MessageSchema PodOs = new(
        "core.v1.PodOS",
        StrAlways(1, "name"));

    public static readonly MessageSchema PodSchedulingGate = new(
        "core.v1.PodSchedulingGate",
        StrAlways(1, "name"));

    public static readonly MessageSchema PodResourceClaim = new(
        "core.v1.PodResourceClaim",
        StrAlways(1, "name"),
        StrPtr(3, "resourceClaimName"),
        StrPtr(4, "resourceClaimTemplateName"));

    public static readonly MessageSchema PodSpec = new(
        "core.v1.PodSpec",
        List(1, "volumes", Volume),
        List(20, "initContainers", Container),
        ListAlways(2, "containers", Container),
        Str(3, "restartPolicy"),
        Int64Ptr(4, "terminationGracePeriodSeconds"),
        Int64Ptr(5, "activeDeadlineSeconds"),
        Str(6, "dnsPolicy"),
        StringMap(7, "nodeSelector"),
        Str(8, "serviceAccountName"),
        Str(9, "serviceAccount"),
        BoolPtr(21, "automountServiceAccountToken"),
        Str(10, "nodeName"),
        Bool(11, "hostNetwork"),
        Bool(12, "hostPID"),
        Bool(13, "hostIPC"),
        BoolPtr(27, "shareProcessNamespace"),
        Ptr(14, "securityContext", PodSecurityContext),
        List(15, "imagePullSecrets", CoreV1.LocalObjectReference),
        Str(16, "hostname"),
        Str(17, "subdomain"),
        Ptr(18, "affinity", Affinity),
        Str(19, "schedulerName"),
        List(22, "tolerations", Toleration),
        List(23, "hostAliases", HostAlias),
        Str(24, "priorityClassName"),
        Int32Ptr(25, "priority"),
        Ptr(26, "dnsConfig", PodDnsConfig),
        List(28, "readinessGates", PodReadinessGate),
        StrPtr(29, "runtimeClassName"),
        BoolPtr(30, "enableServiceLinks"),
        StrPtr(31, "preemptionPolicy"),
        QuantityMap(32, "overhead"),
        List(33, "topologySpreadConstraints", TopologySpreadConstraint),
        BoolPtr(35, "setHostnameAsFQDN"),
        Ptr(36, "os", PodOs),
        BoolPtr(37, "hostUsers"),
        List(38, "schedulingGates", PodSchedulingGate),
        List(39, "resourceClaims", PodResourceClaim),
        Ptr(40, "resources", ResourceRequirements),
        StrPtr(41, "hostnameOverride"));

    public static readonly MessageSchema PodCondition = new(
        "core.v1.PodCondition",
        StrAlways(1, "type"),
        Int64(7, "observedGeneration"),
        StrAlways(2, "status"),
        Time(3, "lastProbeTime"),
        Time(4, "lastTransitionTime"),
        Str(5, "reason"),
        Str(6, "message"));

    public static readonly MessageSchema HostIp = new(
        "core.v1.HostIP",
        StrAlways(1, "ip"));

    public static readonly MessageSchema PodIp = new(
        "core.v1.PodIP",
        StrAlways(1, "ip"));

    public static readonly MessageSchema PodStatus = new(
        "core.v1.PodStatus",
        Int64(17, "observedGeneration"),
        Str(1, "phase"),
        List(2, "conditions", PodCondition),
        Str(3, "message"),
        Str(4, "reason"),
        Str(11, "nominatedNodeName"),
        Str(5, "hostIP"),
        List(16, "hostIPs", HostIp),
        Str(6, "podIP"),
        List(12, "podIPs", PodIp),
        TimePtr(7, "startTime"),
        Str(9, "qosClass"),
        Str(14, "resize"));

    public static readonly MessageSchema PodTemplateSpec = new(
        "core.v1.PodTemplateSpec",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", PodSpec));

    public static readonly MessageSchema Pod = new(
        "core.v1.Pod",
        Struct(1, "metadata", MetaV1.ObjectMeta),
        Struct(2, "spec", PodSpec),
        Struct(3, "status", PodStatus));
}
