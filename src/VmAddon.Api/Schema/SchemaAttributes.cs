namespace VmAddon.Api.Schema;

/// <summary>Marks a string property whose value is one of a fixed set; the CRD schema gets an <c>enum</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EnumValuesAttribute(params string[] values) : Attribute
{
    public IReadOnlyList<string> Values { get; } = values;
}

/// <summary>Bounds a numeric property; the CRD schema gets <c>minimum</c> and <c>maximum</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BoundsAttribute(long minimum, long maximum = long.MaxValue) : Attribute
{
    public long Minimum { get; } = minimum;
    public long Maximum { get; } = maximum;
}

/// <summary>Requires a string property to match a regular expression; the CRD schema gets a <c>pattern</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PatternAttribute(string pattern) : Attribute
{
    public string Pattern { get; } = pattern;
}

/// <summary>Marks a property that must be present; the CRD schema lists it under <c>required</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredFieldAttribute : Attribute;

/// <summary>The one-line description shown by <c>kubectl explain</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class DocAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>Marks a list whose items are keyed by their <c>name</c> (a map-type list in the schema).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ListMapKeyAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}
