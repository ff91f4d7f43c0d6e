namespace VmAddon.Patching;

/// <summary>The patchStrategy and patchMergeKey tags of Kubernetes' built-in types that this add-on's objects meet.</summary>
public sealed class BuiltInStrategicSchema : IStrategicSchema
{
    private readonly Dictionary<string, StrategicField> _fields;

    private BuiltInStrategicSchema(Dictionary<string, StrategicField> fields) => _fields = fields;

    public StrategicField Describe(string path) => _fields.GetValueOrDefault(path, StrategicField.Untagged);

    /// <summary>The schema for a built-in kind; a kind not listed still gets the ObjectMeta fields.</summary>
    public static BuiltInStrategicSchema For(string kind)
    {
        var fields = new Dictionary<string, StrategicField>(StringComparer.Ordinal)
        {
            ["metadata.ownerReferences"] = StrategicField.MergeBy("uid"),
            ["metadata.finalizers"] = StrategicField.MergePrimitives,
        };

        switch (kind)
        {
            case "Pod":
                AddPodSpec(fields, "spec");
                AddPodStatus(fields);
                break;
            case "PodTemplate":
                AddPodSpec(fields, "template.spec");
                break;
            case "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" or "ReplicationController":
                AddPodSpec(fields, "spec.template.spec");
                fields["status.conditions"] = StrategicField.MergeBy("type");
                // Deployment.spec.strategy and DaemonSet.spec.updateStrategy carry retainKeys, so switching type drops the old block.
                fields["spec.strategy"] = new StrategicField(RetainKeys: true);
                fields["spec.updateStrategy"] = new StrategicField(RetainKeys: true);
                break;
            case "CronJob":
                AddPodSpec(fields, "spec.jobTemplate.spec.template.spec");
                break;
            case "Node":
                fields["status.conditions"] = StrategicField.MergeBy("type");
                fields["status.addresses"] = StrategicField.MergeBy("type");
                break;
            case "Service":
                fields["spec.ports"] = StrategicField.MergeBy("port");
                fields["status.conditions"] = StrategicField.MergeBy("type");
                break;
            case "Namespace" or "PersistentVolumeClaim":
                fields["status.conditions"] = StrategicField.MergeBy("type");
                break;
            default:
                break;
        }

        return new BuiltInStrategicSchema(fields);
    }

    private static void AddPodSpec(Dictionary<string, StrategicField> fields, string spec)
    {
        fields[$"{spec}.volumes"] = StrategicField.MergeBy("name", retainKeys: true);
        fields[$"{spec}.imagePullSecrets"] = StrategicField.MergeBy("name");
        fields[$"{spec}.hostAliases"] = StrategicField.MergeBy("ip");
        // Kubernetes gives PodSpec.tolerations no patch tags, so a patch replaces the whole list.
        foreach (var containers in new[] { "containers", "initContainers", "ephemeralContainers" })
        {
            var path = $"{spec}.{containers}";
            fields[path] = StrategicField.MergeBy("name");
            fields[$"{path}.env"] = StrategicField.MergeBy("name");
            fields[$"{path}.ports"] = StrategicField.MergeBy("containerPort");
            fields[$"{path}.volumeMounts"] = StrategicField.MergeBy("mountPath");
            fields[$"{path}.volumeDevices"] = StrategicField.MergeBy("devicePath");
        }
    }

    private static void AddPodStatus(Dictionary<string, StrategicField> fields)
    {
        fields["status.conditions"] = StrategicField.MergeBy("type");
        fields["status.podIPs"] = StrategicField.MergeBy("ip");
    }
}
