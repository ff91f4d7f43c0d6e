namespace VmAddon.DevCluster.Catalog;

/// <summary>A CRD's scale subresource: where the desired and observed replicas and the label selector live, as JSON paths such as <c>.spec.replicas</c>.</summary>
public sealed record ScaleSubresource(string SpecReplicasPath, string StatusReplicasPath, string? LabelSelectorPath);
