namespace VmAddon.DevCluster.Selectors;

/// <summary>One clause of a field selector, such as <c>spec.nodeName=node-1</c>.</summary>
public sealed record FieldRequirement(string Field, SelectorOperator Operator, string Value);
