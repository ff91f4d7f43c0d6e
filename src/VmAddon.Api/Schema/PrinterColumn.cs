namespace VmAddon.Api.Schema;

/// <summary>A column <c>kubectl get</c> shows for a custom resource (a CRD's additionalPrinterColumns entry).</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string? Description = null, int Priority = 0);
