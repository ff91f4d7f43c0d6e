namespace VmAddon.Api.Schema;

/// <summary>What a CRD is made from: names, the spec and status types, printer columns and subresources.</summary>
public sealed record CrdDefinition(
    string Kind,
    string Plural,
    string Singular,
    IReadOnlyList<string> ShortNames,
    string Description,
    Type SpecType,
    Type? StatusType,
    IReadOnlyList<PrinterColumn> PrinterColumns,
    bool HasScale);
