namespace VmAddon.DevCluster.Selectors;

/// <summary>A label or field selector that does not follow Kubernetes' syntax.</summary>
public sealed class SelectorParseException(string message) : FormatException(message);
