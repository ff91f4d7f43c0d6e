namespace VmAddon.DevCluster.Tables;

/// <summary>A JSONPath that does not parse, or that fails on a given object (index out of range, filter over a non-list, incomparable values).</summary>
internal sealed class JsonPathException(string message) : Exception(message);
