using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>A meta.k8s.io/v1 TableColumnDefinition; priority above 0 marks a column kubectl shows only with <c>-o wide</c>.</summary>
internal sealed record TableColumn(string Name, string Type, string Description, int Priority = 0, string Format = "")
{
    public static TableColumn NameColumn { get; } = new("Name", "string", ColumnDescriptions.Name, Format: "name");

    public static TableColumn AgeColumn { get; } = new("Age", "string", ColumnDescriptions.CreationTimestamp);

    /// <summary>Field order and presence as Go serialises TableColumnDefinition: no field is omitted when empty.</summary>
    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
