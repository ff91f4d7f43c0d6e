namespace VmAddon.DevCluster.Selectors;

/// <summary>One clause of a label selector, such as <c>tier in (web,api)</c>.</summary>
public sealed record LabelRequirement(string Key, SelectorOperator Operator, IReadOnlyList<string> Values)
{
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            SelectorOperator.Equals or SelectorOperator.In => present && Values.Contains(value!, StringComparer.Ordinal),
            // As in Kubernetes, != and notin also match objects that lack the label.
            SelectorOperator.NotEquals or SelectorOperator.NotIn => !present || !Values.Contains(value!, StringComparer.Ordinal),
            SelectorOperator.Exists => present,
            SelectorOperator.DoesNotExist => !present,
            _ => false,
        };
    }
}
