namespace VmAddon.DevCluster.Tables;

/// <summary>One of the three numbers of a JSONPath slice (client-go's ParamsEntry): whether it was written, and whether it was derived from <c>[i]</c>.</summary>
internal readonly record struct SliceBound(int Value, bool Known, bool Derived = false);
