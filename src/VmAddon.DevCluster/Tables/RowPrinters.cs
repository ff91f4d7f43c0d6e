using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Catalog;

namespace VmAddon.DevCluster.Tables;

/// <summary>Chooses the printer kube-apiserver would use for a resource: a built-in printer, the CRD column printer, or the default convertor.</summary>
internal static class RowPrinters
{
    private static readonly ConditionalWeakTable<ApiResource, RowPrinter> _customResources = [];

    private static readonly Dictionary<(string Group, string Resource), RowPrinter> _builtIn = new()
    {
        [("", "pods")] = new PodRowPrinter(),
        [("", "nodes")] = new NodeRowPrinter(),
        [("", "services")] = new ServiceRowPrinter(),
        [("", "endpoints")] = new EndpointsRowPrinter(),
        [("", "events")] = new EventRowPrinter(eventsV1: false),
        [("events.k8s.io", "events")] = new EventRowPrinter(eventsV1: true),
        [("", "namespaces")] = new SimpleRowPrinter(
            [TableColumn.NameColumn, new("Status", "string", "The status of the namespace"), TableColumn.AgeColumn],
            (ns, now) => [Name(ns), JsonFields.String(ns, "status", "phase"), Age(ns, now)]),
        [("", "configmaps")] = new SimpleRowPrinter(
            [TableColumn.NameColumn, new("Data", "string", ColumnDescriptions.ConfigMapData), TableColumn.AgeColumn],
            (cm, now) => [Name(cm), (long)(JsonFields.Count(cm, "data") + JsonFields.Count(cm, "binaryData")), Age(cm, now)]),
        [("", "secrets")] = new SimpleRowPrinter(
            [TableColumn.NameColumn, new("Type", "string", ColumnDescriptions.SecretType), new("Data", "string", ColumnDescriptions.SecretData), TableColumn.AgeColumn],
            // Defaulting gives every stored secret a type.
            (secret, now) => [Name(secret), JsonFields.String(secret, "type") is { Length: > 0 } type ? type : "Opaque", (long)JsonFields.Count(secret, "data"), Age(secret, now)]),
        [("", "serviceaccounts")] = new SimpleRowPrinter(
            [TableColumn.NameColumn, new("Secrets", "string", ColumnDescriptions.ServiceAccountSecrets), TableColumn.AgeColumn],
            (sa, now) => [Name(sa), (long)JsonFields.Count(sa, "secrets"), Age(sa, now)]),
        [("coordination.k8s.io", "leases")] = new SimpleRowPrinter(
            [TableColumn.NameColumn, new("Holder", "string", ColumnDescriptions.HolderIdentity), TableColumn.AgeColumn],
            (lease, now) => [Name(lease), JsonFields.String(lease, "spec", "holderIdentity"), Age(lease, now)]),
    };

    /// <summary>The printer for a resource; a resource without a KubernetesClient model type is taken to be a custom resource.</summary>
    public static RowPrinter For(ApiResource resource)
    {
        if (_builtIn.TryGetValue((resource.Group, resource.Plural), out var printer))
        {
            return printer;
        }

        if (resource.ModelType is null)
        {
            return _customResources.GetValue(resource, r => new CustomResourceRowPrinter(r.PrinterColumns));
        }

        return DefaultRowPrinter.Instance;
    }

    private static string Name(JsonObject obj) => JsonFields.String(obj, "metadata", "name");

    private static string Age(JsonObject obj, DateTimeOffset now) => HumanDuration.Since(JsonFields.Time(obj, "metadata", "creationTimestamp"), now);
}
