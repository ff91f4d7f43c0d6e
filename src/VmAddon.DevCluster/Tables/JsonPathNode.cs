namespace VmAddon.DevCluster.Tables;

/// <summary>A node of a parsed kubectl JSONPath template, as client-go's jsonpath parser builds them.</summary>
internal abstract record JsonPathNode
{
    /// <summary>A sequence evaluated left to right, each node on the results of the previous one.</summary>
    internal sealed record Sequence(List<JsonPathNode> Nodes) : JsonPathNode;

    /// <summary>Literal text, in a template or a quoted string inside an action.</summary>
    internal sealed record Text(string Value) : JsonPathNode;

    /// <summary><c>.name</c>: a map key.</summary>
    internal sealed record Field(string Name) : JsonPathNode;

    /// <summary><c>[start:end:step]</c>, with <c>[i]</c> as a one-element slice.</summary>
    internal sealed record Slice(SliceBound Start, SliceBound End, SliceBound Step) : JsonPathNode;

    /// <summary><c>[?(left op right)]</c>, or <c>[?(@.x)]</c> with operator <c>exists</c>.</summary>
    internal sealed record Filter(Sequence Left, Sequence Right, string Operator) : JsonPathNode;

    internal sealed record Integer(int Value) : JsonPathNode;

    internal sealed record Float(double Value) : JsonPathNode;

    internal sealed record Boolean(bool Value) : JsonPathNode;

    /// <summary><c>*</c> or <c>[*]</c> over a map: every value.</summary>
    internal sealed record Wildcard : JsonPathNode;

    /// <summary><c>..</c>: the value and everything below it.</summary>
    internal sealed record Recursive : JsonPathNode;

    /// <summary><c>[a,b]</c>: the results of each branch, concatenated.</summary>
    internal sealed record Union(List<Sequence> Branches) : JsonPathNode;

    /// <summary>A bare word such as <c>range</c> or <c>end</c>.</summary>
    internal sealed record Identifier(string Name) : JsonPathNode;
}
